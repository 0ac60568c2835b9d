// GOOD: the test's assertDelivered helper calls failNow, which calls t.Errorf and
// t.FailNow when the wait timed out, so a stranded subscriber only exists in a failed test.
package pubsub

import "sync"

// Message is published on a topic.
type Message struct {
	Topic string
	Body  []byte
}

// Handler is invoked for each message on a subscribed topic.
type Handler func(Message)

// Broker fans published messages out to subscribed handlers.
type Broker struct {
	mu   sync.RWMutex
	subs map[string][]Handler
}

// NewBroker returns an empty broker.
func NewBroker() *Broker {
	return &Broker{subs: make(map[string][]Handler)}
}

// Subscribe registers h for topic.
func (b *Broker) Subscribe(topic string, h Handler) {
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], h)
	b.mu.Unlock()
}

// Publish delivers m to every handler of its topic and reports how many ran.
func (b *Broker) Publish(m Message) int {
	b.mu.RLock()
	hs := append([]Handler(nil), b.subs[m.Topic]...)
	b.mu.RUnlock()
	for _, h := range hs {
		h(m)
	}
	return len(hs)
}
