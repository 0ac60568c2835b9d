// Package presence fans presence updates out to subscribers. A single loop
// goroutine owns all subscriber channels.
package presence

import "context"

// Update reports that a user came online or went offline.
type Update struct {
	User   string
	Online bool
}

type subReq[T any] struct {
	ch   chan T
	done chan struct{}
}

// Hub is a broadcaster of values of type T.
type Hub[T any] struct {
	subscribe   chan subReq[T]
	unsubscribe chan subReq[T]
	publish     chan T
	stopped     chan struct{}
	subs        map[chan T]struct{}
}

// NewHub starts the hub's loop; it stops when ctx is cancelled.
func NewHub[T any](ctx context.Context) *Hub[T] {
	h := &Hub[T]{
		subscribe:   make(chan subReq[T]),
		unsubscribe: make(chan subReq[T]),
		publish:     make(chan T, 64),
		stopped:     make(chan struct{}),
		subs:        make(map[chan T]struct{}),
	}
	go h.loop(ctx)
	return h
}

// NewPresenceHub is the hub used by the session service.
func NewPresenceHub(ctx context.Context) *Hub[Update] { return NewHub[Update](ctx) }

func (h *Hub[T]) loop(ctx context.Context) {
	defer close(h.stopped)
	defer func() {
		for ch := range h.subs {
			close(ch)
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case r := <-h.subscribe:
			h.subs[r.ch] = struct{}{}
			close(r.done)
		case r := <-h.unsubscribe:
			if _, ok := h.subs[r.ch]; ok {
				delete(h.subs, r.ch)
				close(r.ch)
			}
			close(r.done)
		case v := <-h.publish:
			for ch := range h.subs {
				select {
				case ch <- v:
				default:
				}
			}
		}
	}
}

// Subscribe returns a channel of values and a function that ends the
// subscription. The channel is closed by the hub, either on unsubscribe
// or when the hub stops.
func (h *Hub[T]) Subscribe() (<-chan T, func()) {
	ch := make(chan T, 8)
	r := subReq[T]{ch: ch, done: make(chan struct{})}
	select {
	case h.subscribe <- r:
		<-r.done
	case <-h.stopped:
		empty := make(chan T)
		close(empty)
		return empty, func() {}
	}
	cancel := func() {
		u := subReq[T]{ch: ch, done: make(chan struct{})}
		select {
		case h.unsubscribe <- u:
			<-u.done
		case <-h.stopped:
		}
	}
	return ch, cancel
}

// Publish queues v for delivery.
func (h *Hub[T]) Publish(ctx context.Context, v T) error {
	select {
	case h.publish <- v:
		return nil
	case <-h.stopped:
		return context.Canceled
	case <-ctx.Done():
		return ctx.Err()
	}
}
