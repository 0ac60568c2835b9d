package events

import "sync"

// Event is a published message.
type Event struct {
	Topic   string
	Payload string
}

// Handler consumes an event.
type Handler func(Event)

// Bus delivers events to subscribers asynchronously.
type Bus struct {
	mu   sync.RWMutex
	subs map[string][]Handler
}

func NewBus() *Bus { return &Bus{subs: make(map[string][]Handler)} }

// Subscribe registers fn for topic.
func (b *Bus) Subscribe(topic string, fn Handler) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.subs[topic] = append(b.subs[topic], fn)
}

// Publish hands the event to every subscriber on its own goroutine so a
// slow subscriber cannot stall the publisher.
func (b *Bus) Publish(e Event) {
	b.mu.RLock()
	fns := append([]Handler(nil), b.subs[e.Topic]...)
	b.mu.RUnlock()
	for _, fn := range fns {
		go fn(e)
	}
}
