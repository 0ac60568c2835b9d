// GOOD: the test feeds the helper's boolean into requireTrue, which calls t.Fatalf
// when waitFor timed out, so the worker can only be left on its unbuffered send in
// a test that has already failed.
package jobqueue

import (
	"errors"
	"sync"
)

// ErrClosed is returned by Submit after Close.
var ErrClosed = errors.New("jobqueue: closed")

// Queue is a FIFO of pending jobs consumed by a single worker.
type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	jobs   []string
	closed bool
}

// NewQueue returns an empty Queue.
func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Submit appends a job.
func (q *Queue) Submit(job string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return ErrClosed
	}
	q.jobs = append(q.jobs, job)
	q.cond.Signal()
	return nil
}

// Next blocks until a job is available and returns it, or "" and false once closed.
func (q *Queue) Next() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.jobs) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.jobs) == 0 {
		return "", false
	}
	job := q.jobs[0]
	q.jobs = q.jobs[1:]
	return job, true
}

// Close wakes every waiter.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}
