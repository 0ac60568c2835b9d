package atomicsink

import (
	"sync"
	"sync/atomic"
)

type Order struct {
	ID     string
	Amount int64
}

type Tracker struct {
	mu      sync.Mutex
	open    map[string]Order
	stopped bool
	feed    chan Order
	total   atomic.Int64
	count   atomic.Int64
	drained chan struct{}
}

func NewTracker() *Tracker {
	t := &Tracker{
		open:    make(map[string]Order),
		feed:    make(chan Order),
		drained: make(chan struct{}),
	}
	go t.account()
	return t
}

func (t *Tracker) account() {
	defer close(t.drained)
	for o := range t.feed {
		t.total.Add(o.Amount)
		t.count.Add(1)
	}
}

func (t *Tracker) Place(o Order) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	t.open[o.ID] = o
	t.feed <- o
	return true
}

func (t *Tracker) Stop() (int64, int64) {
	t.mu.Lock()
	if !t.stopped {
		t.stopped = true
		close(t.feed)
	}
	t.mu.Unlock()
	<-t.drained
	return t.count.Load(), t.total.Load()
}
