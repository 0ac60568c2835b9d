// BAD: several workers wait with `if len(q.items) == 0` and Push wakes them all with
// Broadcast; when two wake for one job, the second finds the queue empty again and indexes q.items[0].
package main

import (
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID      int
	Payload string
}

type JobQueue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []Job
}

func NewJobQueue() *JobQueue {
	q := &JobQueue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Push appends a job and wakes the workers.
func (q *JobQueue) Push(j Job) {
	q.mu.Lock()
	q.items = append(q.items, j)
	q.mu.Unlock()
	q.cond.Broadcast()
}

// Pop blocks until a job is available and removes it.
func (q *JobQueue) Pop() Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait() // want "Wait called under if"
	}
	j := q.items[0]
	q.items = q.items[1:]
	return j
}

func (q *JobQueue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

type Worker struct {
	name  string
	queue *JobQueue
	done  *sync.WaitGroup
}

func (w *Worker) Run(n int) {
	defer w.done.Done()
	for i := 0; i < n; i++ {
		j := w.queue.Pop()
		fmt.Printf("%s handled job %d (%s)\n", w.name, j.ID, j.Payload)
	}
}

func main() {
	q := NewJobQueue()
	var wg sync.WaitGroup
	const workers, perWorker = 3, 4
	for i := 0; i < workers; i++ {
		wg.Add(1)
		w := &Worker{name: fmt.Sprintf("worker-%d", i), queue: q, done: &wg}
		go w.Run(perWorker)
	}
	for id := 0; id < workers*perWorker; id++ {
		q.Push(Job{ID: id, Payload: fmt.Sprintf("resize image %d", id)})
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
	fmt.Println("remaining:", q.Len())
}
