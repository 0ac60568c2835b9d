package b3_broker_unsubscribe

import "sync"

// Event is a message published on a topic.
type Event struct {
	Topic   string
	Payload string
}

// Broker fans events out to every subscriber of a topic.
type Broker struct {
	mu   sync.RWMutex
	subs map[string]map[*Subscription]struct{}
}

// NewBroker returns an empty broker.
func NewBroker() *Broker {
	return &Broker{subs: make(map[string]map[*Subscription]struct{})}
}

// Subscription is a handle to a stream of events for one topic.
type Subscription struct {
	broker *Broker
	topic  string
	ch     chan Event
	once   sync.Once
}

// Subscribe registers a new subscriber for topic.
func (b *Broker) Subscribe(topic string) *Subscription {
	s := &Subscription{broker: b, topic: topic, ch: make(chan Event, 4)}
	b.mu.Lock()
	set, ok := b.subs[topic]
	if !ok {
		set = make(map[*Subscription]struct{})
		b.subs[topic] = set
	}
	set[s] = struct{}{}
	b.mu.Unlock()
	return s
}

// Publish delivers e to every current subscriber of e.Topic.
func (b *Broker) Publish(e Event) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	n := 0
	for s := range b.subs[e.Topic] {
		s.ch <- e
		n++
	}
	return n
}

// C returns the channel events are delivered on.
func (s *Subscription) C() <-chan Event { return s.ch }

// Unsubscribe stops delivery and releases the subscription.
func (s *Subscription) Unsubscribe() {
	s.once.Do(func() {
		close(s.ch) // BAD: still registered with the broker, a concurrent Publish can send on it
		s.broker.remove(s)
	})
}

func (b *Broker) remove(s *Subscription) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if set, ok := b.subs[s.topic]; ok {
		delete(set, s)
		if len(set) == 0 {
			delete(b.subs, s.topic)
		}
	}
}
