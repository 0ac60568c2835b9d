// Package b4_cached_bus_helper routes messages from a bus to topic handlers.
package b4_cached_bus_helper

import "sync"

// Message is a single bus message.
type Message struct {
	Topic   string
	Payload string
}

// Dispatcher delivers messages to registered handlers.
type Dispatcher struct {
	mu       sync.Mutex
	handlers map[string]func(Message)
	dropped  int
}

func NewDispatcher() *Dispatcher {
	return &Dispatcher{handlers: make(map[string]func(Message))}
}

func (d *Dispatcher) Handle(topic string, fn func(Message)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.handlers[topic] = fn
}

// Serve delivers every message from in until in is closed.
func (d *Dispatcher) Serve(in <-chan Message) {
	for m := range in {
		d.mu.Lock()
		fn, ok := d.handlers[m.Topic]
		if !ok {
			d.dropped++
		}
		d.mu.Unlock()
		if ok {
			fn(m)
		}
	}
}

func (d *Dispatcher) Dropped() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.dropped
}
