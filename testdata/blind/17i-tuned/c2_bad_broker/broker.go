// Package events is an in-process publish/subscribe broker.
package events

import (
	"sync"
)

// Message is a published event.
type Message struct {
	Topic string
	Data  []byte
}

// Subscription receives messages for one topic.
type Subscription struct {
	id    uint64
	topic string
	C     chan Message
}

// Broker routes messages to the subscribers of their topic.
type Broker struct {
	mu     sync.RWMutex
	nextID uint64
	subs   map[string]map[uint64]*Subscription
}

// NewBroker returns an empty broker.
func NewBroker() *Broker {
	return &Broker{subs: make(map[string]map[uint64]*Subscription)}
}

// Subscribe registers interest in topic.
func (b *Broker) Subscribe(topic string, buf int) *Subscription {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nextID++
	s := &Subscription{id: b.nextID, topic: topic, C: make(chan Message, buf)}
	if b.subs[topic] == nil {
		b.subs[topic] = make(map[uint64]*Subscription)
	}
	b.subs[topic][s.id] = s
	return s
}

// Unsubscribe removes s and closes its channel.
func (b *Broker) Unsubscribe(s *Subscription) {
	b.mu.Lock()
	delete(b.subs[s.topic], s.id)
	if len(b.subs[s.topic]) == 0 {
		delete(b.subs, s.topic)
	}
	b.mu.Unlock()
	close(s.C)
}

// Publish delivers m to every current subscriber of m.Topic, waiting for
// slow subscribers.
func (b *Broker) Publish(m Message) int {
	b.mu.RLock()
	targets := make([]*Subscription, 0, len(b.subs[m.Topic]))
	for _, s := range b.subs[m.Topic] {
		targets = append(targets, s)
	}
	b.mu.RUnlock()

	for _, s := range targets {
		s.C <- m
	}
	return len(targets)
}
