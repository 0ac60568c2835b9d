package relay

import (
	"errors"
	"sync"
)

// ErrClosed is returned by operations on a stopped relay.
var ErrClosed = errors.New("relay: closed")

// Relay forwards messages to a set of subscribers.
type Relay struct {
	mu     sync.Mutex
	subs   []chan string
	closed bool
}

// Subscribe registers a new buffered subscriber.
func (r *Relay) Subscribe(n int) (<-chan string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	ch := make(chan string, n)
	r.subs = append(r.subs, ch)
	return ch, nil
}

// Publish delivers msg to every subscriber that has room.
func (r *Relay) Publish(msg string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return ErrClosed
	}
	for _, ch := range r.subs {
		select {
		case ch <- msg:
		default:
		}
	}
	return nil
}

// Shutdown closes every subscriber channel.
func (r *Relay) Shutdown() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return ErrClosed
	}
	r.closed = true
	for _, ch := range r.subs {
		close(ch)
	}
	return nil
}
