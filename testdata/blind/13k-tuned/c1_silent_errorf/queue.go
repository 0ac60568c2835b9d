// Package jobq is a minimal in-process job queue.
package jobq

import (
	"context"
	"errors"
	"sync"
)

// ErrEmpty is returned by Pop when the queue is closed and drained.
var ErrEmpty = errors.New("jobq: empty")

// Queue is a FIFO of job IDs.
type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []string
	closed bool
}

// New returns an empty queue.
func New() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Push appends a job.
func (q *Queue) Push(id string) {
	q.mu.Lock()
	q.items = append(q.items, id)
	q.mu.Unlock()
	q.cond.Signal()
}

// Close wakes all waiters.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

// Pop blocks until a job is available or the queue is closed.
func (q *Queue) Pop(ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return "", ErrEmpty
	}
	id := q.items[0]
	q.items = q.items[1:]
	return id, nil
}
