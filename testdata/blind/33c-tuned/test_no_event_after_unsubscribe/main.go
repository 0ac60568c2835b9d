// GOOD: the test's goroutine sends only when an event arrives after Unsubscribe, which
// must not happen; the test passes when the window elapses with nothing received.
package pubsub

import "sync"

type Event struct {
	Topic   string
	Payload string
}

// Bus is a minimal in-process publish/subscribe hub.
type Bus struct {
	mu   sync.Mutex
	subs map[string]map[chan Event]struct{}
}

func NewBus() *Bus {
	return &Bus{subs: make(map[string]map[chan Event]struct{})}
}

func (b *Bus) Subscribe(topic string) chan Event {
	b.mu.Lock()
	defer b.mu.Unlock()
	ch := make(chan Event, 8)
	if b.subs[topic] == nil {
		b.subs[topic] = make(map[chan Event]struct{})
	}
	b.subs[topic][ch] = struct{}{}
	return ch
}

func (b *Bus) Unsubscribe(topic string, ch chan Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs[topic], ch)
}

func (b *Bus) Publish(e Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs[e.Topic] {
		select {
		case ch <- e:
		default:
		}
	}
}
