// Package jobqueue runs submitted jobs on a fixed set of workers.
package jobqueue

import (
	"errors"
	"sync"
)

var ErrClosed = errors.New("jobqueue: closed")

type Job func() error

// Queue is a bounded job queue served by a worker pool.
type Queue struct {
	mu      sync.Mutex
	closed  bool
	jobs    chan Job
	quit    chan struct{}
	workers sync.WaitGroup
	errs    chan error
}

func New(workers, depth int) *Queue {
	q := &Queue{
		jobs: make(chan Job, depth),
		quit: make(chan struct{}),
		errs: make(chan error, depth),
	}
	for i := 0; i < workers; i++ {
		q.workers.Add(1)
		go q.work()
	}
	return q
}

// Push submits j, blocking while the queue is full.
func (q *Queue) Push(j Job) error {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return ErrClosed
	}
	q.mu.Unlock()

	select {
	case q.jobs <- j:
		return nil
	case <-q.quit:
		return ErrClosed
	}
}

func (q *Queue) work() {
	defer q.workers.Done()
	for {
		select {
		case j, ok := <-q.jobs:
			if !ok {
				return
			}
			if err := j(); err != nil {
				select {
				case q.errs <- err:
				default:
				}
			}
		case <-q.quit:
			return
		}
	}
}

// Close stops the workers. Jobs still queued are discarded.
func (q *Queue) Close() {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return
	}
	q.closed = true
	close(q.quit)
	q.mu.Unlock()

	q.workers.Wait()
	close(q.jobs)
}
