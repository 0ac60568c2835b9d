// Correct: NewDispatcher fills and heap.Inits the queue before the dispatch goroutine is started (no sharing yet); afterwards every heap operation holds d.mu.
package g3_backlog_ctor

import (
	"container/heap"
	"sync"
	"time"
)

type Task struct {
	ID      string
	Due     time.Time
	Payload []byte
}

type taskPQ struct {
	tasks []Task
}

func (pq *taskPQ) Len() int           { return len(pq.tasks) }
func (pq *taskPQ) Less(i, j int) bool { return pq.tasks[i].Due.Before(pq.tasks[j].Due) }
func (pq *taskPQ) Swap(i, j int)      { pq.tasks[i], pq.tasks[j] = pq.tasks[j], pq.tasks[i] }
func (pq *taskPQ) Push(x any)         { pq.tasks = append(pq.tasks, x.(Task)) }
func (pq *taskPQ) Pop() any {
	n := len(pq.tasks) - 1
	t := pq.tasks[n]
	pq.tasks = pq.tasks[:n]
	return t
}

// Dispatcher hands due tasks to handle, starting from a persisted backlog.
type Dispatcher struct {
	mu     sync.Mutex
	pq     taskPQ
	handle func(Task)
	stop   chan struct{}
	done   chan struct{}
}

func NewDispatcher(backlog []Task, extra []Task, handle func(Task)) *Dispatcher {
	d := &Dispatcher{handle: handle, stop: make(chan struct{}), done: make(chan struct{})}
	d.pq.tasks = append(d.pq.tasks, backlog...)
	heap.Init(&d.pq)
	for _, t := range extra {
		heap.Push(&d.pq, t)
	}
	go d.dispatch(20 * time.Millisecond)
	return d
}

func (d *Dispatcher) Add(t Task) {
	d.mu.Lock()
	heap.Push(&d.pq, t)
	d.mu.Unlock()
}

func (d *Dispatcher) Pending() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.pq.Len()
}

func (d *Dispatcher) next(now time.Time) (Task, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.pq.Len() == 0 || d.pq.tasks[0].Due.After(now) {
		return Task{}, false
	}
	return heap.Pop(&d.pq).(Task), true
}

func (d *Dispatcher) dispatch(every time.Duration) {
	defer close(d.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-d.stop:
			return
		case now := <-t.C:
			for {
				task, ok := d.next(now)
				if !ok {
					break
				}
				d.handle(task)
			}
		}
	}
}

func (d *Dispatcher) Stop() {
	close(d.stop)
	<-d.done
}
