// BAD: each subscription's cancel is stored in sub.cancel, but Unsubscribe just deletes the entry and
// nobody ever calls it, so the delivery goroutine and the hour-long context outlive the subscriber.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Event struct {
	Topic string
	Body  string
}

type subscription struct {
	id     int
	ch     chan Event
	cancel context.CancelFunc
}

type Bus struct {
	mu     sync.Mutex
	nextID int
	subs   map[int]*subscription
}

func NewBus() *Bus { return &Bus{subs: make(map[int]*subscription)} }

// Subscribe registers handler; the subscription expires after ttl at the latest.
func (b *Bus) Subscribe(parent context.Context, ttl time.Duration, handler func(Event)) int {
	ctx, cancel := context.WithTimeout(parent, ttl) // want "never called"
	b.mu.Lock()
	b.nextID++
	sub := &subscription{id: b.nextID, ch: make(chan Event, 16), cancel: cancel}
	b.subs[sub.id] = sub
	b.mu.Unlock()

	go deliver(ctx, sub.ch, handler)
	return sub.id
}

func deliver(ctx context.Context, ch <-chan Event, handler func(Event)) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-ch:
			handler(ev)
		}
	}
}

func (b *Bus) Unsubscribe(id int) {
	b.mu.Lock()
	delete(b.subs, id)
	b.mu.Unlock()
}

func (b *Bus) Publish(ev Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs {
		select {
		case s.ch <- ev:
		default: // slow subscriber, drop
		}
	}
}

func main() {
	bus := NewBus()
	id := bus.Subscribe(context.Background(), time.Hour, func(ev Event) {
		fmt.Printf("[%s] %s\n", ev.Topic, ev.Body)
	})
	bus.Publish(Event{Topic: "deploy", Body: "v1.4.2 rolled out"})
	time.Sleep(20 * time.Millisecond)
	bus.Unsubscribe(id)
	bus.Publish(Event{Topic: "deploy", Body: "not delivered"})
	time.Sleep(20 * time.Millisecond)
}
