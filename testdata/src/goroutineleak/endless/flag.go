package endless

import (
	"sync"
	"time"
)

// The arbiter ticks every meter; NewMeter starts its goroutine the
// first time only: started is set under the lock and never cleared.
// Silent: one goroutine per process, as a sync.Once would start.
type meterArbiter struct {
	sync.Mutex
	started bool
	meters  map[*meter]struct{}
}

type meter struct{ rate float64 }

var arbiter = meterArbiter{meters: map[*meter]struct{}{}}

func NewMeter() *meter {
	m := &meter{}
	arbiter.Lock()
	defer arbiter.Unlock()
	arbiter.meters[m] = struct{}{}
	if !arbiter.started {
		arbiter.started = true
		go arbiter.tick()
	}
	return m
}

func (a *meterArbiter) tick() {
	t := time.NewTicker(5 * time.Second)
	for range t.C {
		a.Lock()
		for m := range a.meters {
			m.rate *= 0.9
		}
		a.Unlock()
	}
}

// A reporter's flag is set back by StopReporting: the next
// StartReporting would start a second loop beside the first, but
// nothing in the package calls it again, and StopReporting is no
// method of an owner the loop belongs to.
var (
	reportMu  sync.Mutex
	reporting bool
)

func StartReporting() {
	reportMu.Lock()
	defer reportMu.Unlock()
	if !reporting {
		reporting = true
		go reportLoop() // silent: nothing shows its starter runs again, nor a way to stop it
	}
}

func StopReporting() {
	reportMu.Lock()
	reporting = false
	reportMu.Unlock()
}

func reportLoop() {
	for {
		time.Sleep(time.Second)
		work()
	}
}

// A flag of each object: one loop per object, which has no way to be
// stopped.
type sampler struct {
	mu      sync.Mutex
	started bool
}

func (s *sampler) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.started {
		s.started = true
		go s.sample() // silent: nothing shows its starter runs again, nor a way to stop it
	}
}

func (s *sampler) sample() {
	for {
		time.Sleep(time.Second)
		work()
	}
}
