package main

import (
	"errors"
	"fmt"
	"sync"
)

type Event struct {
	Topic string
	Err   error
}

// Broker delivers messages to subscribers and notifies hooks on failures.
type Broker struct {
	mu        sync.Mutex
	subs      map[string][]chan string
	failures  int
	lastError error
	hooks     []func(ev Event)
}

func NewBroker() *Broker {
	b := &Broker{subs: make(map[string][]chan string)}
	b.hooks = append(b.hooks, b.recordFailure)
	b.hooks = append(b.hooks, func(ev Event) { fmt.Println("delivery failed:", ev.Topic, ev.Err) })
	return b
}

func (b *Broker) recordFailure(ev Event) {
	b.mu.Lock()
	b.failures++
	b.lastError = ev.Err
	b.mu.Unlock()
}

func (b *Broker) Subscribe(topic string) <-chan string {
	ch := make(chan string, 4)
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
	return ch
}

// Publish hands msg to every subscriber of topic without blocking.
func (b *Broker) Publish(topic, msg string) error {
	b.mu.Lock()
	subs := b.subs[topic]
	if len(subs) == 0 {
		hooks := make([]func(ev Event), len(b.hooks))
		copy(hooks, b.hooks)
		b.mu.Unlock()

		err := errors.New("no subscribers for " + topic)
		for _, h := range hooks {
			h(Event{Topic: topic, Err: err})
		}
		return err
	}
	for _, ch := range subs {
		select {
		case ch <- msg:
		default:
		}
	}
	b.mu.Unlock()
	return nil
}

func (b *Broker) Failures() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failures
}

func main() {
	b := NewBroker()
	ch := b.Subscribe("orders")
	_ = b.Publish("orders", "order-1")
	fmt.Println(<-ch)
	if err := b.Publish("invoices", "inv-7"); err != nil {
		fmt.Println(err)
	}
	fmt.Println("failures:", b.Failures())
}
