package events

import (
	"errors"
	"sync"
)

var ErrStopped = errors.New("events: inbox stopped")

type Event struct {
	Kind string
	Seq  int
}

type Inbox struct {
	mu      sync.Mutex
	pending []Event
	space   chan struct{}
	stop    chan struct{}
	once    sync.Once
}

func NewInbox(capacity int) *Inbox {
	ib := &Inbox{space: make(chan struct{}, capacity), stop: make(chan struct{})}
	for i := 0; i < capacity; i++ {
		ib.space <- struct{}{}
	}
	return ib
}

func (ib *Inbox) Enqueue(e Event) {
	select {
	case <-ib.stop:
		panic(ErrStopped)
	default:
	}
	select {
	case <-ib.space:
	case <-ib.stop:
		panic(ErrStopped)
	}
	ib.mu.Lock()
	ib.pending = append(ib.pending, e)
	ib.mu.Unlock()
}

func (ib *Inbox) Dequeue() (Event, bool) {
	ib.mu.Lock()
	defer ib.mu.Unlock()
	if len(ib.pending) == 0 {
		return Event{}, false
	}
	e := ib.pending[0]
	ib.pending = ib.pending[1:]
	ib.space <- struct{}{}
	return e, true
}

func (ib *Inbox) Stop() {
	ib.once.Do(func() { close(ib.stop) })
}
