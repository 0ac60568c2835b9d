// BAD: Start launches the dispatcher loop; when Shutdown closes d.quit the quit case logs and does
// `continue`, which just starts the next iteration of the for loop, so the goroutine never exits.
package main

import (
	"fmt"
	"log"
	"sync"
)

// Event is a named notification with a payload.
type Event struct {
	Topic   string
	Payload string
}

// Handler reacts to events on a topic.
type Handler func(Event)

// Dispatcher fans events out to subscribed handlers.
type Dispatcher struct {
	events chan Event
	quit   chan struct{}

	mu       sync.RWMutex
	handlers map[string][]Handler
}

// NewDispatcher returns an idle dispatcher.
func NewDispatcher(buffer int) *Dispatcher {
	return &Dispatcher{
		events:   make(chan Event, buffer),
		quit:     make(chan struct{}),
		handlers: make(map[string][]Handler),
	}
}

// Subscribe registers h for topic.
func (d *Dispatcher) Subscribe(topic string, h Handler) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.handlers[topic] = append(d.handlers[topic], h)
}

// Start runs the dispatch loop in the background.
func (d *Dispatcher) Start() {
	go d.dispatchLoop() // want "does not terminate|never terminates"
}

func (d *Dispatcher) dispatchLoop() {
	for {
		select {
		case <-d.quit:
			log.Println("dispatcher: quit requested")
			continue
		case ev := <-d.events:
			d.deliver(ev)
		}
	}
}

func (d *Dispatcher) deliver(ev Event) {
	d.mu.RLock()
	hs := append([]Handler(nil), d.handlers[ev.Topic]...)
	d.mu.RUnlock()
	for _, h := range hs {
		h(ev)
	}
}

// Publish queues ev for delivery.
func (d *Dispatcher) Publish(ev Event) { d.events <- ev }

// Shutdown stops the dispatcher.
func (d *Dispatcher) Shutdown() { close(d.quit) }

func main() {
	d := NewDispatcher(8)
	var wg sync.WaitGroup
	d.Subscribe("user.created", func(ev Event) {
		fmt.Println("welcome email for", ev.Payload)
		wg.Done()
	})
	d.Start()
	for _, u := range []string{"ada", "grace"} {
		wg.Add(1)
		d.Publish(Event{Topic: "user.created", Payload: u})
	}
	wg.Wait()
	d.Shutdown()
}
