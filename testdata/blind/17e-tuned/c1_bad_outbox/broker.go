package outbox

import "sync"

type Event struct {
	Topic string
	Body  string
}

type Subscription struct {
	topic  string
	outbox chan Event
	stop   chan struct{}
	once   sync.Once
}

func (s *Subscription) push(ev Event) {
	s.outbox <- ev
}

func (s *Subscription) Consume(fn func(Event)) {
	for {
		select {
		case ev := <-s.outbox:
			fn(ev)
		case <-s.stop:
			return
		}
	}
}

func (s *Subscription) Cancel() {
	s.once.Do(func() { close(s.stop) })
}

type Broker struct {
	mu   sync.RWMutex
	subs map[string][]*Subscription
}

func NewBroker() *Broker {
	return &Broker{subs: make(map[string][]*Subscription)}
}

func (b *Broker) Subscribe(topic string) *Subscription {
	s := &Subscription{
		topic:  topic,
		outbox: make(chan Event, 8),
		stop:   make(chan struct{}),
	}
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], s)
	b.mu.Unlock()
	return s
}

func (b *Broker) Publish(ev Event) {
	b.mu.RLock()
	targets := append([]*Subscription(nil), b.subs[ev.Topic]...)
	b.mu.RUnlock()
	for _, s := range targets {
		s.push(ev)
	}
}
