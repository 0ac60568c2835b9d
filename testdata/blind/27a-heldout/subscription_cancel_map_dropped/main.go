// BAD: Subscribe derives a child of the broker's long-lived context and keeps its cancel in a map,
// but neither Unsubscribe nor Shutdown ever calls it, so each subscription's pump goroutine and its registration in the parent live as long as the broker.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Event struct {
	Topic   string
	Payload string
}

type subscription struct {
	id     int
	topic  string
	ch     chan Event
	cancel context.CancelFunc
}

type Broker struct {
	ctx    context.Context
	mu     sync.Mutex
	nextID int
	subs   map[int]*subscription
	feed   chan Event
}

func NewBroker(ctx context.Context) *Broker {
	return &Broker{
		ctx:  ctx,
		subs: make(map[int]*subscription),
		feed: make(chan Event, 16),
	}
}

// Subscribe registers interest in a topic and starts a pump goroutine that
// forwards matching events until the subscription context is done.
func (b *Broker) Subscribe(topic string) (int, <-chan Event) {
	b.mu.Lock()
	defer b.mu.Unlock()

	b.nextID++
	ctx, cancel := context.WithCancel(b.ctx) // want "never called"
	sub := &subscription{id: b.nextID, topic: topic, ch: make(chan Event, 4), cancel: cancel}
	b.subs[sub.id] = sub

	go b.pump(ctx, sub)
	return sub.id, sub.ch
}

func (b *Broker) pump(ctx context.Context, sub *subscription) {
	ticker := time.NewTicker(50 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			b.mu.Lock()
			_, live := b.subs[sub.id]
			b.mu.Unlock()
			if !live {
				continue
			}
		}
	}
}

// Unsubscribe forgets the subscription; the pump keeps spinning until the broker's context ends.
func (b *Broker) Unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, id)
}

func (b *Broker) Publish(ev Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs {
		if s.topic != ev.Topic {
			continue
		}
		select {
		case s.ch <- ev:
		default:
		}
	}
}

func (b *Broker) Shutdown() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for id := range b.subs {
		delete(b.subs, id)
	}
}

func main() {
	root, stop := context.WithCancel(context.Background())
	defer stop()

	b := NewBroker(root)
	id, ch := b.Subscribe("orders")
	b.Publish(Event{Topic: "orders", Payload: "order-42 created"})
	fmt.Println(<-ch)
	b.Unsubscribe(id)
	b.Shutdown()
}
