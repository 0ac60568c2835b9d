// Correct: the pump returns on Close's done channel, and each per-request keepalive goroutine returns when the request context is cancelled.
package g4_event_hub

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Hub fans out published events to Server-Sent-Events subscribers.
type Hub struct {
	publish chan string
	done    chan struct{}
	once    sync.Once

	mu   sync.Mutex
	subs map[chan string]struct{}
}

// NewHub creates a hub and starts its fan-out pump.
func NewHub() *Hub {
	h := &Hub{
		publish: make(chan string, 64),
		done:    make(chan struct{}),
		subs:    make(map[chan string]struct{}),
	}
	go h.pump()
	return h
}

func (h *Hub) pump() {
	for {
		select {
		case ev := <-h.publish:
			h.mu.Lock()
			for ch := range h.subs {
				select {
				case ch <- ev:
				default: // slow subscriber, drop
				}
			}
			h.mu.Unlock()
		case <-h.done:
			return
		}
	}
}

// Publish queues ev for delivery to all subscribers.
func (h *Hub) Publish(ev string) {
	select {
	case h.publish <- ev:
	case <-h.done:
	}
}

// Close stops the pump and disconnects all subscribers.
func (h *Hub) Close() {
	h.once.Do(func() { close(h.done) })
}

func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()

	sub := make(chan string, 16)
	h.mu.Lock()
	h.subs[sub] = struct{}{}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.subs, sub)
		h.mu.Unlock()
	}()

	beat := make(chan struct{}, 1)
	go func() {
		t := time.NewTicker(15 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				select {
				case beat <- struct{}{}:
				default:
				}
			case <-ctx.Done():
				return
			}
		}
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	for {
		select {
		case ev := <-sub:
			fmt.Fprintf(w, "data: %s\n\n", ev)
		case <-beat:
			fmt.Fprint(w, ": keepalive\n\n")
		case <-ctx.Done():
			return
		case <-h.done:
			return
		}
		fl.Flush()
	}
}
