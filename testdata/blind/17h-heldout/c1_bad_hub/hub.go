package main

import (
	"fmt"
	"sync"
	"time"
)

type Message struct {
	Topic string
	Body  string
}

// Hub fans published messages out to subscribers of the matching topic.
type Hub struct {
	in   chan Message
	done chan struct{}

	mu   sync.RWMutex
	subs map[string][]func(Message)
}

func NewHub() *Hub {
	h := &Hub{
		in:   make(chan Message),
		done: make(chan struct{}),
		subs: make(map[string][]func(Message)),
	}
	go h.run()
	return h
}

func (h *Hub) Subscribe(topic string, fn func(Message)) {
	h.mu.Lock()
	h.subs[topic] = append(h.subs[topic], fn)
	h.mu.Unlock()
}

// Publish hands the message to the hub without blocking the caller.
func (h *Hub) Publish(topic, body string) {
	msg := Message{Topic: topic, Body: body}
	go func() {
		h.in <- msg
	}()
}

func (h *Hub) run() {
	defer close(h.done)
	for msg := range h.in {
		h.mu.RLock()
		fns := h.subs[msg.Topic]
		h.mu.RUnlock()
		for _, fn := range fns {
			fn(msg)
		}
	}
}

// Close stops the hub after the dispatch loop drains.
func (h *Hub) Close() {
	close(h.in)
	<-h.done
}

func main() {
	h := NewHub()
	var mu sync.Mutex
	received := 0
	h.Subscribe("orders", func(m Message) {
		mu.Lock()
		received++
		mu.Unlock()
	})
	for i := 0; i < 20; i++ {
		h.Publish("orders", fmt.Sprintf("order-%d", i))
	}
	time.Sleep(time.Millisecond)
	h.Close()
	mu.Lock()
	fmt.Println("received", received)
	mu.Unlock()
}
