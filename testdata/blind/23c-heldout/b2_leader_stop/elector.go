package b2_leader_stop

import (
	"log"
	"sync"
	"time"
)

// Lock is a distributed lock, e.g. backed by a lease table.
type Lock interface {
	TryAcquire(owner string) bool
	Release(owner string)
}

// Elector campaigns for leadership until it wins or is stopped.
type Elector struct {
	lock     Lock
	id       string
	interval time.Duration

	stop     chan struct{}
	stopOnce sync.Once
	elected  chan struct{}
}

func NewElector(lock Lock, id string, interval time.Duration) *Elector {
	return &Elector{
		lock:     lock,
		id:       id,
		interval: interval,
		stop:     make(chan struct{}),
		elected:  make(chan struct{}),
	}
}

// Campaign starts trying to acquire the lock in the background.
func (e *Elector) Campaign() {
	go e.campaign()
}

func (e *Elector) campaign() {
	t := time.NewTicker(e.interval)
	defer t.Stop()
	for {
		select {
		case <-e.stop:
			return
		case <-t.C:
			if e.lock.TryAcquire(e.id) {
				log.Printf("elector %s: became leader", e.id)
				close(e.elected)
				return
			}
		}
	}
}

// WaitElected blocks until this instance holds the lock.
func (e *Elector) WaitElected() {
	<-e.elected // BAD: Stop may close e.stop first; campaign then returns without closing elected
}

// Stop abandons the campaign. It is safe to call from a signal handler.
func (e *Elector) Stop() {
	e.stopOnce.Do(func() { close(e.stop) })
}

// RunAsLeader campaigns, waits for leadership and then runs work. A shutdown
// signal on quit stops the campaign.
func RunAsLeader(e *Elector, quit <-chan struct{}, work func()) {
	go func() {
		<-quit
		e.Stop()
	}()
	e.Campaign()
	e.WaitElected()
	defer e.lock.Release(e.id)
	work()
}
