package b3_event_watch

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Event is a change notification for a key.
type Event struct {
	Key   string
	Value string
}

var (
	ErrClosed  = errors.New("watch: hub closed")
	ErrTimeout = errors.New("watch: timed out waiting for event")
)

// Hub fans events out to subscribers.
type Hub struct {
	mu     sync.Mutex
	subs   map[string][]chan Event
	closed chan struct{}
	once   sync.Once
}

func NewHub() *Hub {
	return &Hub{subs: make(map[string][]chan Event), closed: make(chan struct{})}
}

// Publish delivers ev to every subscriber of ev.Key.
func (h *Hub) Publish(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, ch := range h.subs[ev.Key] {
		select {
		case ch <- ev:
		default:
		}
	}
}

func (h *Hub) subscribe(ctx context.Context, key string) <-chan Event {
	ch := make(chan Event, 1)
	h.mu.Lock()
	h.subs[key] = append(h.subs[key], ch)
	h.mu.Unlock()
	go func() {
		<-ctx.Done()
		h.mu.Lock()
		defer h.mu.Unlock()
		list := h.subs[key]
		for i, c := range list {
			if c == ch {
				h.subs[key] = append(list[:i], list[i+1:]...)
				break
			}
		}
	}()
	return ch
}

// WaitFor blocks until an event for key arrives, the hub closes, or timeout passes.
func (h *Hub) WaitFor(parent context.Context, key string, timeout time.Duration) (Event, error) {
	ctx, cancel := context.WithCancel(parent) // BAD: cancel only runs in the event branch; close and timeout paths leak the subscription
	ch := h.subscribe(ctx, key)
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case ev := <-ch:
		cancel()
		return ev, nil
	case <-h.closed:
		return Event{}, ErrClosed
	case <-timer.C:
		return Event{}, ErrTimeout
	}
}

// Close wakes all waiters.
func (h *Hub) Close() {
	h.once.Do(func() { close(h.closed) })
}

// Subscribers reports the number of live subscriptions for key.
func (h *Hub) Subscribers(key string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs[key])
}
