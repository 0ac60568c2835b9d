package b4_lease_elector

import (
	"errors"
	"sync"
	"time"
)

// LeaseStore is the backing store for leadership leases.
type LeaseStore interface {
	TryAcquire(id string, ttl time.Duration) (bool, error)
	Renew(id string, ttl time.Duration) error
}

// Elector runs leader election for a single candidate.
type Elector struct {
	id         string
	store      LeaseStore
	ttl        time.Duration
	autoRejoin bool

	mu     sync.Mutex
	leader bool
	lost   chan struct{} // closed when leadership is lost
}

// NewElector builds an elector; when autoRejoin is false the candidate
// gives up after losing leadership once.
func NewElector(id string, store LeaseStore, ttl time.Duration, autoRejoin bool) *Elector {
	return &Elector{
		id:         id,
		store:      store,
		ttl:        ttl,
		autoRejoin: autoRejoin,
		lost:       make(chan struct{}),
	}
}

// Lost returns a channel closed when the current term of leadership ends.
func (e *Elector) Lost() <-chan struct{} {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.lost
}

// stepDown ends the current term and notifies watchers.
func (e *Elector) stepDown() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.leader = false
	close(e.lost)
	if e.autoRejoin {
		e.lost = make(chan struct{})
	}
}

var errNotLeader = errors.New("not leader")

func (e *Elector) tick() error {
	e.mu.Lock()
	leader := e.leader
	e.mu.Unlock()
	if leader {
		return e.store.Renew(e.id, e.ttl)
	}
	ok, err := e.store.TryAcquire(e.id, e.ttl)
	if err != nil {
		return err
	}
	if !ok {
		return errNotLeader
	}
	e.mu.Lock()
	e.leader = true
	e.mu.Unlock()
	return nil
}

// Run campaigns until stop is closed. Every failed renewal ends the term.
func (e *Elector) Run(stop <-chan struct{}) {
	t := time.NewTicker(e.ttl / 3)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		err := e.tick()
		if err == nil || errors.Is(err, errNotLeader) {
			continue
		}
		e.stepDown() // BAD: without autoRejoin stepDown leaves e.lost closed, so the next failed renewal closes it again
	}
}
