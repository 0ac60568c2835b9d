package broker

import (
	"log"
	"sync"
)

type Message struct {
	Topic   string
	Payload []byte
}

type Broker struct {
	mu     sync.Mutex
	subs   map[string][]chan<- Message
	queue  chan Message
	closed bool
}

func New() *Broker {
	b := &Broker{subs: make(map[string][]chan<- Message), queue: make(chan Message)}
	go b.dispatch()
	return b
}

func (b *Broker) Subscribe(topic string, ch chan<- Message) {
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
}

func (b *Broker) Publish(m Message) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	if len(b.subs[m.Topic]) == 0 {
		log.Printf("broker: dropping message on %q", m.Topic)
		return false
	}
	b.queue <- m
	return true
}

func (b *Broker) dispatch() {
	for m := range b.queue {
		b.mu.Lock()
		targets := append([]chan<- Message(nil), b.subs[m.Topic]...)
		b.mu.Unlock()
		for _, ch := range targets {
			select {
			case ch <- m:
			default:
			}
		}
	}
}

func (b *Broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.queue)
	}
}
