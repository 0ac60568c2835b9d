// Correct: the subscriber goroutine selects on done, which the test closes via defer on every return path, including the early success return.
package g3_pubsub_done_chan

import "sync"

type Message struct {
	Topic string
	Body  string
}

// Broker keeps an in-memory, ordered log per topic.
type Broker struct {
	mu   sync.Mutex
	logs map[string][]Message
}

func NewBroker() *Broker { return &Broker{logs: make(map[string][]Message)} }

func (b *Broker) Publish(topic, body string) {
	b.mu.Lock()
	b.logs[topic] = append(b.logs[topic], Message{Topic: topic, Body: body})
	b.mu.Unlock()
}

func (b *Broker) Snapshot(topic string) []Message {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]Message(nil), b.logs[topic]...)
}
