// GOOD: every Subscribe makes a fresh subscriber with its own channel; Unsubscribe removes it from the list before closing, and Close is guarded by the closed flag.
package g2_subscriber_list

import (
	"sync"
	"time"
)

// Quote is a price update.
type Quote struct {
	Symbol string
	Price  float64
	At     time.Time
}

type subscriber struct {
	id int
	ch chan Quote
}

// Feed broadcasts quotes to all current subscribers.
type Feed struct {
	mu     sync.Mutex
	nextID int
	subs   []*subscriber
	closed bool
}

// Subscribe registers a new listener and returns its id and channel.
func (f *Feed) Subscribe(buf int) (int, <-chan Quote) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	s := &subscriber{id: f.nextID, ch: make(chan Quote, buf)}
	if f.closed {
		close(s.ch)
		return s.id, s.ch
	}
	f.subs = append(f.subs, s)
	return s.id, s.ch
}

// Unsubscribe removes the listener with the given id and closes its channel.
func (f *Feed) Unsubscribe(id int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, s := range f.subs {
		if s.id == id {
			f.subs = append(f.subs[:i], f.subs[i+1:]...)
			close(s.ch)
			return
		}
	}
}

// Broadcast sends q to every subscriber, skipping slow ones.
func (f *Feed) Broadcast(q Quote) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.subs {
		select {
		case s.ch <- q:
		default:
		}
	}
}

// Close closes every remaining subscriber channel.
func (f *Feed) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.closed = true
	for _, s := range f.subs {
		close(s.ch)
	}
	f.subs = nil
}
