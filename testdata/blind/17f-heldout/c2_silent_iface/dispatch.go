package main

import (
	"fmt"
	"sync"
)

type Message struct {
	ID      int
	Payload string
}

// Sink receives messages from the dispatcher.
type Sink interface {
	Deliver(m Message)
	Close()
}

type chanSink struct {
	ch chan Message
}

func (s *chanSink) Deliver(m Message) {
	s.ch <- m
}

func (s *chanSink) Close() { close(s.ch) }

type Dispatcher struct {
	mu    sync.Mutex
	sinks map[int]Sink
}

func (d *Dispatcher) Subscribe(id int, s Sink) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.sinks[id] = s
}

func (d *Dispatcher) Broadcast(m Message) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, s := range d.sinks {
		s.Deliver(m)
	}
}

func (d *Dispatcher) Shutdown() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for id, s := range d.sinks {
		s.Close()
		delete(d.sinks, id)
	}
}

// consume handles every message until the sink is closed, skipping bad ones.
func consume(ch <-chan Message) (handled, skipped int) {
	for m := range ch {
		if m.Payload == "" {
			skipped++
			continue
		}
		handled++
	}
	return handled, skipped
}

func main() {
	d := &Dispatcher{sinks: make(map[int]Sink)}
	sink := &chanSink{ch: make(chan Message)}
	d.Subscribe(1, sink)
	type stats struct{ handled, skipped int }
	res := make(chan stats, 1)
	go func() {
		h, s := consume(sink.ch)
		res <- stats{h, s}
	}()

	d.Broadcast(Message{ID: 1, Payload: "hello"})
	d.Broadcast(Message{ID: 2})
	d.Broadcast(Message{ID: 3, Payload: "late"})
	d.Shutdown()
	st := <-res
	fmt.Println("handled", st.handled, "skipped", st.skipped)
}
