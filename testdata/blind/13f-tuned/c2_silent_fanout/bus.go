// Package bus is an in-process event bus for UI notifications.
package bus

import (
	"errors"
	"sync"
)

var ErrShutdown = errors.New("bus: shut down")

type Event struct {
	Topic   string
	Payload any
}

type Bus struct {
	mu       sync.Mutex
	shutdown bool
	events   chan Event
	quit     chan struct{}
	finished chan struct{}

	subMu sync.RWMutex
	subs  map[string][]func(Event)
}

func New() *Bus {
	b := &Bus{
		events:   make(chan Event, 64),
		quit:     make(chan struct{}, 1),
		finished: make(chan struct{}),
		subs:     make(map[string][]func(Event)),
	}
	go b.pump()
	return b
}

func (b *Bus) Subscribe(topic string, fn func(Event)) {
	b.subMu.Lock()
	b.subs[topic] = append(b.subs[topic], fn)
	b.subMu.Unlock()
}

func (b *Bus) Publish(ev Event) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.shutdown {
		return ErrShutdown
	}
	b.events <- ev
	return nil
}

func (b *Bus) Shutdown() {
	b.mu.Lock()
	if b.shutdown {
		b.mu.Unlock()
		return
	}
	b.shutdown = true
	b.quit <- struct{}{}
	b.mu.Unlock()
	<-b.finished
}

func (b *Bus) pump() {
	defer close(b.finished)
	for {
		select {
		case ev := <-b.events:
			b.deliver(ev)
		case <-b.quit:
			close(b.quit)
			close(b.events)
			for ev := range b.events {
				b.deliver(ev)
			}
			return
		}
	}
}

func (b *Bus) deliver(ev Event) {
	b.subMu.RLock()
	handlers := b.subs[ev.Topic]
	b.subMu.RUnlock()
	for _, h := range handlers {
		h(ev)
	}
}
