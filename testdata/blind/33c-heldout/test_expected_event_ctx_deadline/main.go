// BAD: (see main_test.go) the test waits for the expected job-completed event until a
// context deadline; if it gives up first, the forwarding goroutine blocks forever on its send.
package jobs

import (
	"sync"
	"time"
)

type Status int

const (
	Pending Status = iota
	Running
	Done
)

type Event struct {
	JobID  string
	Status Status
}

// Queue runs jobs and reports status transitions to listeners.
type Queue struct {
	mu        sync.Mutex
	listeners []func(Event)
}

func (q *Queue) OnEvent(fn func(Event)) {
	q.mu.Lock()
	q.listeners = append(q.listeners, fn)
	q.mu.Unlock()
}

func (q *Queue) emit(e Event) {
	q.mu.Lock()
	ls := append([]func(Event){}, q.listeners...)
	q.mu.Unlock()
	for _, fn := range ls {
		fn(e)
	}
}

func (q *Queue) Submit(id string, work func()) {
	q.emit(Event{JobID: id, Status: Pending})
	go func() {
		q.emit(Event{JobID: id, Status: Running})
		work()
		time.Sleep(time.Millisecond)
		q.emit(Event{JobID: id, Status: Done})
	}()
}
