package pubsub

import (
	"errors"
	"sync"
)

var ErrClosed = errors.New("pubsub: broker closed")

type Event struct {
	Topic string
	Data  []byte
}

// Broker delivers published events to subscribers from a single dispatch
// goroutine. Publish may be called from any goroutine.
type Broker struct {
	mu     sync.Mutex
	closed bool
	events chan Event
	done   chan struct{}

	subMu sync.RWMutex
	subs  map[string][]chan<- Event
}

func NewBroker(buffer int) *Broker {
	b := &Broker{
		events: make(chan Event, buffer),
		done:   make(chan struct{}),
		subs:   make(map[string][]chan<- Event),
	}
	go b.dispatch()
	return b
}

func (b *Broker) Subscribe(topic string, ch chan<- Event) {
	b.subMu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.subMu.Unlock()
}

func (b *Broker) Publish(topic string, data []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return ErrClosed
	}
	b.events <- Event{Topic: topic, Data: data}
	return nil
}

func (b *Broker) dispatch() {
	defer close(b.done)
	for ev := range b.events {
		b.subMu.RLock()
		targets := b.subs[ev.Topic]
		b.subMu.RUnlock()
		for _, ch := range targets {
			select {
			case ch <- ev:
			default:
				// slow subscriber: drop rather than stall the broker
			}
		}
	}
}

// Close rejects further publishes and waits for queued events to be delivered.
func (b *Broker) Close() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.closed = true
	close(b.events)
	b.mu.Unlock()
	<-b.done
}
