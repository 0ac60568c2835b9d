// GOOD: the scheduler goroutine calls s.spawn, which checks s.state and does
// s.wg.Add(1) in one critical section on s.mu; Stop flips the state to stopping under
// s.mu before calling s.wg.Wait(), so an Add either happens before the Wait or not at
// all (spawn returns ErrStopped).
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var ErrStopped = errors.New("scheduler: stopped")

type state int

const (
	running state = iota
	stopping
)

type Job struct {
	Name string
	Run  func()
}

// Scheduler fires every job on each tick, one goroutine per run.
type Scheduler struct {
	mu    sync.Mutex
	state state
	jobs  []Job
	wg    sync.WaitGroup
	quit  chan struct{}
}

func NewScheduler(every time.Duration, jobs ...Job) *Scheduler {
	s := &Scheduler{jobs: jobs, quit: make(chan struct{})}
	go s.loop(every)
	return s
}

func (s *Scheduler) loop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.quit:
			return
		case <-t.C:
			for _, j := range s.jobs {
				if err := s.spawn(j); err != nil {
					return
				}
			}
		}
	}
}

func (s *Scheduler) spawn(j Job) error {
	s.mu.Lock()
	if s.state != running {
		s.mu.Unlock()
		return ErrStopped
	}
	s.wg.Add(1)
	s.mu.Unlock()

	go func() {
		defer s.wg.Done()
		j.Run()
	}()
	return nil
}

// Stop prevents further runs and waits for the ones in progress.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	if s.state == stopping {
		s.mu.Unlock()
		return
	}
	s.state = stopping
	close(s.quit)
	s.mu.Unlock()

	s.wg.Wait()
}

func main() {
	var rotations, pings atomic.Int64
	s := NewScheduler(3*time.Millisecond,
		Job{Name: "rotate-logs", Run: func() { rotations.Add(1) }},
		Job{Name: "ping-db", Run: func() { time.Sleep(time.Millisecond); pings.Add(1) }},
	)

	time.Sleep(20 * time.Millisecond)
	s.Stop()

	fmt.Printf("rotations=%d pings=%d\n", rotations.Load(), pings.Load())
}
