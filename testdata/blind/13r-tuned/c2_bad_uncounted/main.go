package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Closer coordinates shutdown of a group of goroutines.
type Closer struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewCloser(initial int) *Closer {
	c := &Closer{}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	c.wg.Add(initial)
	return c
}

// AddRunning registers n more goroutines with the closer.
func (c *Closer) AddRunning(n int) { c.wg.Add(n) }

// Done is called by a registered goroutine when it returns.
func (c *Closer) Done() { c.wg.Done() }

// Signal asks registered goroutines to stop.
func (c *Closer) Signal() { c.cancel() }

// HasBeenClosed is closed once Signal has been called.
func (c *Closer) HasBeenClosed() <-chan struct{} { return c.ctx.Done() }

// Wait blocks until every registered goroutine has called Done.
func (c *Closer) Wait() { c.wg.Wait() }

// SignalAndWait signals and then waits.
func (c *Closer) SignalAndWait() {
	c.Signal()
	c.Wait()
}

type Event struct {
	Topic string
	Data  string
}

// Bus delivers published events to subscribers from a dispatcher goroutine.
type Bus struct {
	in     chan Event
	mu     sync.Mutex
	subs   map[string][]func(Event)
	closer *Closer
}

func NewBus() *Bus {
	b := &Bus{
		in:     make(chan Event, 32),
		subs:   make(map[string][]func(Event)),
		closer: NewCloser(1),
	}
	go b.dispatch()
	return b
}

func (b *Bus) Subscribe(topic string, fn func(Event)) {
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], fn)
	b.mu.Unlock()
}

// Publish queues ev for delivery. It drops the event if the bus is closed.
func (b *Bus) Publish(ev Event) {
	select {
	case <-b.closer.HasBeenClosed():
	case b.in <- ev:
	}
}

func (b *Bus) dispatch() {
	defer b.closer.Done()
	for {
		select {
		case <-b.closer.HasBeenClosed():
			return
		case ev := <-b.in:
			b.mu.Lock()
			handlers := b.subs[ev.Topic]
			b.mu.Unlock()
			for _, h := range handlers {
				h(ev)
			}
		}
	}
}

// Close stops the dispatcher and releases the queue.
func (b *Bus) Close() {
	b.closer.SignalAndWait()
	close(b.in)
}

func main() {
	bus := NewBus()
	var mu sync.Mutex
	delivered := 0
	bus.Subscribe("orders", func(Event) {
		mu.Lock()
		delivered++
		mu.Unlock()
	})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				bus.Publish(Event{Topic: "orders", Data: fmt.Sprint(i, j)})
			}
		}(i)
	}
	time.Sleep(time.Millisecond)
	bus.Close()
	wg.Wait()
	mu.Lock()
	fmt.Println("delivered:", delivered)
	mu.Unlock()
}
