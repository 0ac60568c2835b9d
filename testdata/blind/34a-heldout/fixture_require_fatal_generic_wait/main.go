// GOOD: the test fixture's require method calls t.Fatalf when the wait times out,
// so a stranded sender can only exist in a test that has already failed.
package jobs

import (
	"errors"
	"sync"
)

// Job is a unit of work identified by ID.
type Job struct {
	ID   int
	Data string
}

// Queue is a simple FIFO job queue safe for concurrent use.
type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []Job
	closed bool
}

// ErrClosed is returned by Pop once the queue is closed and drained.
var ErrClosed = errors.New("jobs: queue closed")

// NewQueue returns an empty queue.
func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Push appends a job and wakes one waiting consumer.
func (q *Queue) Push(j Job) {
	q.mu.Lock()
	q.items = append(q.items, j)
	q.mu.Unlock()
	q.cond.Signal()
}

// Pop blocks until a job is available or the queue is closed.
func (q *Queue) Pop() (Job, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return Job{}, ErrClosed
	}
	j := q.items[0]
	q.items = q.items[1:]
	return j, nil
}

// Close wakes all consumers; Pop returns ErrClosed once drained.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}
