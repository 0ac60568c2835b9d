// Correct: owned/cursor are loop-only; setState resets them only for Active, which only the loop's acquire path passes; OnLeaseLost/Stop pass other states.
package g5_lease_scheduler

import (
	"sync"
	"time"
)

type State int

const (
	Standby State = iota
	Active
	Stopped
)

type Scheduler struct {
	lease Lease
	jobs  func() []string
	run   func(job string)

	mu     sync.Mutex
	state  State
	holder string
	epoch  int64

	// loop-only
	owned  map[string]time.Time
	cursor int

	wake chan struct{}
}

func NewScheduler(l Lease, jobs func() []string, run func(string)) *Scheduler {
	s := &Scheduler{lease: l, jobs: jobs, run: run, wake: make(chan struct{}, 1)}
	l.OnLost(s.OnLeaseLost)
	return s
}

func (s *Scheduler) setState(st State, holder string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = st
	s.holder = holder
	if st == Active {
		s.epoch++
		s.owned = make(map[string]time.Time)
		s.cursor = 0
	}
}

func (s *Scheduler) Status() (State, string, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state, s.holder, s.epoch
}

// OnLeaseLost runs on the lease watcher's goroutine.
func (s *Scheduler) OnLeaseLost(newHolder string) {
	s.setState(Standby, newHolder)
	s.poke()
}

func (s *Scheduler) Stop() {
	s.setState(Stopped, "")
	s.poke()
}

func (s *Scheduler) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Scheduler) Run() {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		st, _, _ := s.Status()
		switch st {
		case Stopped:
			return
		case Standby:
			if id, ok := s.lease.TryAcquire(); ok {
				s.setState(Active, id)
				continue
			}
		case Active:
			s.dispatchOne()
		}
		select {
		case <-tick.C:
		case <-s.wake:
		}
	}
}

func (s *Scheduler) dispatchOne() {
	jobs := s.jobs()
	if len(jobs) == 0 {
		return
	}
	if s.cursor >= len(jobs) {
		s.cursor = 0
	}
	j := jobs[s.cursor]
	s.cursor++
	if t, ok := s.owned[j]; ok && time.Since(t) < time.Second {
		return
	}
	s.owned[j] = time.Now()
	s.run(j)
}
