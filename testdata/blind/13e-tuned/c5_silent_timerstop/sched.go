package sched

import (
	"sync"
	"time"
)

// Job is a pending delayed callback.
type Job struct {
	t *time.Timer
}

// Cancel prevents the job from running if it has not started yet.
func (j *Job) Cancel() bool { return j.t.Stop() }

// Scheduler runs callbacks after a delay and tracks how many are pending.
type Scheduler struct {
	mu      sync.Mutex
	pending int
}

func (s *Scheduler) After(d time.Duration, fn func()) *Job {
	s.mu.Lock()
	s.pending++
	s.mu.Unlock()
	return &Job{t: time.AfterFunc(d, func() {
		s.mu.Lock()
		s.pending--
		s.mu.Unlock()
		fn()
	})}
}

func (s *Scheduler) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pending
}
