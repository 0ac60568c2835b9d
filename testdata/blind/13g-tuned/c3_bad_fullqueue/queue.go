package jobq

import "sync"

type Task struct {
	ID   int
	Name string
}

type Queue struct {
	items  chan Task
	closed chan struct{}
	once   sync.Once
}

func New(capacity int) *Queue {
	return &Queue{
		items:  make(chan Task, capacity),
		closed: make(chan struct{}),
	}
}

func (q *Queue) Push(t Task) {
	select {
	case <-q.closed:
		panic("jobq: push on closed queue")
	default:
	}
	select {
	case q.items <- t:
	case <-q.closed:
		panic("jobq: push on closed queue")
	}
}

func (q *Queue) Pop() (Task, bool) {
	select {
	case t := <-q.items:
		return t, true
	case <-q.closed:
		return Task{}, false
	}
}

func (q *Queue) Len() int { return len(q.items) }

func (q *Queue) Close() {
	q.once.Do(func() { close(q.closed) })
}
