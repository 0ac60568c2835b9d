// Package workq is a bounded FIFO of build jobs shared by CI runners.
package workq

import "sync"

type Job struct {
	ID     int
	Target string
}

type Queue struct {
	mu       sync.Mutex
	notFull  *sync.Cond
	notEmpty *sync.Cond
	items    []Job
	limit    int
	closed   bool
}

func New(limit int) *Queue {
	q := &Queue{limit: limit}
	q.notFull = sync.NewCond(&q.mu)
	q.notEmpty = sync.NewCond(&q.mu)
	return q
}

// Push appends j, waiting while the queue is full. Pushing to a closed
// queue is a programming error.
func (q *Queue) Push(j Job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.limit && !q.closed {
		q.notFull.Wait()
	}
	if q.closed {
		panic("workq: push on closed queue")
	}
	q.items = append(q.items, j)
	q.notEmpty.Signal()
}

func (q *Queue) Pop() (Job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.notEmpty.Wait()
	}
	if len(q.items) == 0 {
		return Job{}, false
	}
	j := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return j, true
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notFull.Broadcast()
	q.notEmpty.Broadcast()
}
