// BAD: Flush holds Broker.mu and sets sub.pending to nil directly in its loop,
// but Publish appends to pending and Drain reads it under sub.mu after dropping
// Broker.mu, so the reset races with them.
package main

import (
	"fmt"
	"sync"
)

// Event is a message delivered to subscribers.
type Event struct {
	Topic string
	Body  string
}

// subscription buffers events for one consumer.
type subscription struct {
	topic string

	mu      sync.Mutex
	pending []Event
}

func (s *subscription) push(ev Event) {
	s.mu.Lock()
	s.pending = append(s.pending, ev)
	s.mu.Unlock()
}

func (s *subscription) drain() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.pending
	s.pending = nil
	return out
}

// Broker fans events out to subscriptions by topic.
type Broker struct {
	mu   sync.Mutex
	subs map[string][]*subscription
}

func NewBroker() *Broker { return &Broker{subs: make(map[string][]*subscription)} }

func (b *Broker) Subscribe(topic string) *subscription {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := &subscription{topic: topic}
	b.subs[topic] = append(b.subs[topic], s)
	return s
}

func (b *Broker) Publish(ev Event) {
	b.mu.Lock()
	targets := append([]*subscription(nil), b.subs[ev.Topic]...)
	b.mu.Unlock()
	for _, s := range targets {
		s.push(ev)
	}
}

// Flush discards everything buffered for the given topic.
func (b *Broker) Flush(topic string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs[topic] {
		s.pending = nil // want "without holding"
	}
}

func main() {
	b := NewBroker()
	orders := b.Subscribe("orders")
	audit := b.Subscribe("orders")

	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				b.Publish(Event{Topic: "orders", Body: fmt.Sprintf("order-%d-%d", i, j)})
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 0; k < 5; k++ {
			b.Flush("orders")
		}
	}()
	wg.Wait()
	fmt.Println("orders:", len(orders.drain()), "audit:", len(audit.drain()))
}
