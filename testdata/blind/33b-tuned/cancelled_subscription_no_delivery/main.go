// GOOD: see main_test.go; the sleep is a bounded window for a negative check (a cancelled
// subscription must not deliver), and the subscriber goroutine is expected never to receive.
package pubsub

import "sync"

// Subscription receives messages published on a topic until cancelled.
type Subscription struct {
	C      chan string
	topic  string
	broker *Broker
	once   sync.Once
}

// Cancel stops delivery to the subscription. It does not close C.
func (s *Subscription) Cancel() {
	s.once.Do(func() { s.broker.remove(s) })
}

// Broker routes published messages to current subscribers.
type Broker struct {
	mu   sync.Mutex
	subs map[string]map[*Subscription]struct{}
}

// NewBroker returns a broker with no subscribers.
func NewBroker() *Broker {
	return &Broker{subs: make(map[string]map[*Subscription]struct{})}
}

// Subscribe registers interest in topic.
func (b *Broker) Subscribe(topic string) *Subscription {
	s := &Subscription{C: make(chan string, 8), topic: topic, broker: b}
	b.mu.Lock()
	if b.subs[topic] == nil {
		b.subs[topic] = make(map[*Subscription]struct{})
	}
	b.subs[topic][s] = struct{}{}
	b.mu.Unlock()
	return s
}

func (b *Broker) remove(s *Subscription) {
	b.mu.Lock()
	delete(b.subs[s.topic], s)
	b.mu.Unlock()
}

// Publish delivers msg to every subscriber of topic without blocking.
func (b *Broker) Publish(topic, msg string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for s := range b.subs[topic] {
		select {
		case s.C <- msg:
			n++
		default:
		}
	}
	return n
}
