// GOOD: the fake subscriber sends each delivery on an unbuffered channel, and the test
// receives every expected delivery through its expectMessage helper.

// Package broker fans published messages out to topic subscribers.
package broker

import "sync"

// Subscriber receives messages for a topic.
type Subscriber interface {
	Deliver(topic string, payload string)
}

// Broker delivers each message to subscribers asynchronously.
type Broker struct {
	mu   sync.RWMutex
	subs map[string][]Subscriber
	wg   sync.WaitGroup
}

// New returns an empty Broker.
func New() *Broker {
	return &Broker{subs: make(map[string][]Subscriber)}
}

// Subscribe registers s for topic.
func (b *Broker) Subscribe(topic string, s Subscriber) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.subs[topic] = append(b.subs[topic], s)
}

// Publish delivers payload to every subscriber of topic, each in its own
// goroutine, and returns the number of subscribers notified.
func (b *Broker) Publish(topic, payload string) int {
	b.mu.RLock()
	subs := append([]Subscriber(nil), b.subs[topic]...)
	b.mu.RUnlock()
	for _, s := range subs {
		b.wg.Add(1)
		go func(s Subscriber) {
			defer b.wg.Done()
			s.Deliver(topic, payload)
		}(s)
	}
	return len(subs)
}

// Wait blocks until all in-flight deliveries have returned.
func (b *Broker) Wait() { b.wg.Wait() }
