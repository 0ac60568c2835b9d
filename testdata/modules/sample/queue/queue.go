// Package queue is a blocking queue with a bug per goconcheck analyzer.
package queue

import "sync"

// Queue is a FIFO whose Get blocks until an item is available.
type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

// New returns an empty queue.
func New() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Put appends v and wakes one waiter.
func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

// Get removes and returns the oldest item, waiting for one.
func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait() // finding: condwait
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}
