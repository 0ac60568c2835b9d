// Package stopped is the input of syncmodel's TestStopState.
package stopped

import (
	"errors"
	"sync"
)

var errClosed = errors.New("closed")

type queue struct {
	mu      sync.Mutex
	notFull *sync.Cond
	items   []int
	closed  bool
	quit    chan struct{}
	slots   chan struct{}
	once    sync.Once
}

// push can only panic once closed is set.
func (q *queue) push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 1 && !q.closed {
		q.notFull.Wait()
	}
	if q.closed {
		panic("closed")
	}
	q.items = append(q.items, v)
}

// put returns errClosed once closed is set; mustPut panics on it.
func (q *queue) put(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return errClosed
	}
	q.items = append(q.items, v)
	return nil
}

func (q *queue) mustPut(v int) {
	if err := q.put(v); err != nil {
		panic(err)
	}
}

// tryPut returns normally whatever the flag.
func (q *queue) tryPut(v int) bool {
	return q.put(v) == nil
}

// recovering turns its panic into a return.
func (q *queue) recovering(v int) {
	defer func() { recover() }()
	q.push(v)
}

// enter waits for a slot, panics once quit is closed.
func (q *queue) enter() {
	select {
	case q.slots <- struct{}{}:
	case <-q.quit:
		panic("shut")
	}
}

func (q *queue) pop() {
	q.mu.Lock()
	q.items = q.items[1:]
	q.mu.Unlock()
	q.notFull.Signal()
}

func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notFull.Broadcast()
}

func (q *queue) shutdown() { q.once.Do(func() { close(q.quit) }) }

func (q *queue) leave() { <-q.slots }

func (q *queue) length() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// A flag some code clears is not set for good.
type reopen struct{ closed bool }

func (r *reopen) close()  { r.closed = true }
func (r *reopen) reopen() { r.closed = false }
