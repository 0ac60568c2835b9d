package b1_job_queue

import (
	"errors"
	"sync"
)

// ErrClosed is returned by Pop once the queue has been closed and drained.
var ErrClosed = errors.New("job queue closed")

// Job is a unit of work handed to a worker.
type Job struct {
	ID      int
	Payload string
}

// Queue is an unbounded FIFO of jobs shared by a pool of workers.
type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []Job
	closed bool
}

// NewQueue returns an empty, open queue.
func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Push appends a job and wakes one waiting worker.
func (q *Queue) Push(j Job) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return ErrClosed
	}
	q.items = append(q.items, j)
	q.cond.Signal()
	return nil
}

// Pop blocks until a job is available and removes it from the queue.
func (q *Queue) Pop() (Job, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 && !q.closed {
		q.cond.Wait() // BAD: another worker may pop the item (or Close broadcasts) before this one re-locks; queue can be empty after Wait
	}
	if len(q.items) == 0 {
		return Job{}, ErrClosed
	}
	j := q.items[0]
	q.items = q.items[1:]
	return j, nil
}

// Len reports the number of queued jobs.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// Close stops the queue and wakes every waiting worker.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

// RunWorkers starts n workers that call handle for every job until the
// queue is closed. The returned WaitGroup finishes when all have exited.
func RunWorkers(q *Queue, n int, handle func(Job)) *sync.WaitGroup {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, err := q.Pop()
				if err != nil {
					return
				}
				handle(j)
			}
		}()
	}
	return &wg
}
