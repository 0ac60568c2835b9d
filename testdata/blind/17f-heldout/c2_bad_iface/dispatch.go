package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Message struct {
	ID      int
	Payload string
}

// Sink receives messages from the dispatcher.
type Sink interface {
	Deliver(m Message)
}

type chanSink struct {
	ch chan Message
}

func (s *chanSink) Deliver(m Message) {
	s.ch <- m
}

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

var errBadPayload = errors.New("bad payload")

func consume(ctx context.Context, ch <-chan Message) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m := <-ch:
			if m.Payload == "" {
				return errBadPayload
			}
			fmt.Println("consumed", m.ID)
		}
	}
}

func main() {
	d := &Dispatcher{sinks: make(map[int]Sink)}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()

	sink := &chanSink{ch: make(chan Message)}
	d.Subscribe(1, sink)
	errc := make(chan error, 1)
	go func() { errc <- consume(ctx, sink.ch) }()

	d.Broadcast(Message{ID: 1, Payload: "hello"})
	d.Broadcast(Message{ID: 2})
	fmt.Println("consumer stopped:", <-errc)
	d.Broadcast(Message{ID: 3, Payload: "late"})
	fmt.Println("done")
}
