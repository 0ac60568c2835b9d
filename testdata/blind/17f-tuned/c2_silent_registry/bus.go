package main

import (
	"fmt"
	"sync"
	"time"
)

type Event struct {
	Topic string
	Body  string
}

// Bus dispatches events to handlers registered by name.
type Bus struct {
	mu       sync.Mutex
	handlers map[string]func(Event)
}

func NewBus() *Bus {
	return &Bus{handlers: make(map[string]func(Event))}
}

func (b *Bus) Register(name string, h func(Event)) {
	b.mu.Lock()
	b.handlers[name] = h
	b.mu.Unlock()
}

func (b *Bus) Publish(ev Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, h := range b.handlers {
		h(ev)
	}
}

// awaitInvalidation waits a bounded time for the next cache invalidation.
func awaitInvalidation(b *Bus, timeout time.Duration) {
	ch := make(chan Event)
	gone := make(chan struct{})
	b.Register("cache-invalidator", func(ev Event) {
		select {
		case ch <- ev:
		case <-gone:
		}
	})
	go func() {
		defer close(gone)
		select {
		case ev := <-ch:
			fmt.Println("invalidate", ev.Body)
		case <-time.After(timeout):
			fmt.Println("no invalidation, keeping cache")
		}
	}()
}

func main() {
	b := NewBus()
	b.Register("audit", func(ev Event) { fmt.Println("audit", ev.Topic) })
	awaitInvalidation(b, 10*time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	b.Publish(Event{Topic: "users", Body: "user:42"})
	fmt.Println("published")
}
