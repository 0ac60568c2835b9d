package g5_lease_scheduler

import "sync"

// Lease is a distributed lock; OnLost callbacks fire on a watcher goroutine.
type Lease interface {
	TryAcquire() (holderID string, ok bool)
	OnLost(func(newHolder string))
}

// memLease is an in-process Lease used by tests.
type memLease struct {
	mu     sync.Mutex
	holder string
	id     string
	lost   []func(string)
}

func newMemLease(id string) *memLease { return &memLease{id: id} }

func (l *memLease) TryAcquire() (string, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.holder == "" || l.holder == l.id {
		l.holder = l.id
		return l.id, true
	}
	return "", false
}

func (l *memLease) OnLost(f func(string)) {
	l.mu.Lock()
	l.lost = append(l.lost, f)
	l.mu.Unlock()
}

func (l *memLease) steal(by string) {
	l.mu.Lock()
	l.holder = by
	cbs := append([]func(string){}, l.lost...)
	l.mu.Unlock()
	go func() {
		for _, f := range cbs {
			f(by)
		}
	}()
}
