// GOOD: job.mu guards only progress and log; job.state is read under s.mu.RLock (Status,
// Pending) and written under s.mu.Lock (Submit, Start, PurgeStuck via markStale), so the
// scheduler's lock is its guard and markStale runs with it held.
package main

import (
	"fmt"
	"sync"
	"time"
)

type jobState int

const (
	statePending jobState = iota
	stateRunning
	stateStale
)

type job struct {
	id      string
	started time.Time

	state jobState // guarded by Scheduler.mu

	mu       sync.Mutex
	progress int
	log      []string
}

func (j *job) Report(pct int, msg string) {
	j.mu.Lock()
	j.progress = pct
	j.log = append(j.log, msg)
	j.mu.Unlock()
}

func (j *job) Progress() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.progress
}

func (j *job) markStale() {
	j.state = stateStale
}

type Scheduler struct {
	mu   sync.RWMutex
	jobs map[string]*job
}

func NewScheduler() *Scheduler { return &Scheduler{jobs: make(map[string]*job)} }

func (s *Scheduler) Submit(id string) *job {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := &job{id: id, state: statePending}
	s.jobs[id] = j
	return j
}

func (s *Scheduler) Start(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if j, ok := s.jobs[id]; ok && j.state == statePending {
		j.state = stateRunning
		j.started = time.Now()
	}
}

func (s *Scheduler) Status(id string) (jobState, int) {
	s.mu.RLock()
	j, ok := s.jobs[id]
	var st jobState
	if ok {
		st = j.state
	}
	s.mu.RUnlock()
	if !ok {
		return 0, 0
	}
	return st, j.Progress()
}

func (s *Scheduler) Pending() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := 0
	for _, j := range s.jobs {
		if j.state == statePending {
			n++
		}
	}
	return n
}

// PurgeStuck marks running jobs that exceeded the deadline as stale.
func (s *Scheduler) PurgeStuck(deadline time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, j := range s.jobs {
		if j.state == stateRunning && time.Since(j.started) > deadline {
			j.markStale()
		}
	}
}

func main() {
	s := NewScheduler()
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		id := fmt.Sprintf("job-%d", i)
		j := s.Submit(id)
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Start(id)
			for p := 0; p <= 100; p += 25 {
				j.Report(p, fmt.Sprintf("%s at %d%%", id, p))
			}
		}()
	}
	go s.PurgeStuck(time.Millisecond)
	wg.Wait()
	s.PurgeStuck(0)
	fmt.Println(s.Status("job-0"))
	fmt.Println("pending:", s.Pending())
}
