package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var errRunning = errors.New("scheduler already running")

type job func()

// Scheduler runs registered jobs at a fixed interval.
type Scheduler struct {
	mu       sync.Mutex
	running  bool
	interval time.Duration
	jobs     []job
	ticks    int
	quit     chan struct{}
}

func (s *Scheduler) Add(j job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobs = append(s.jobs, j)
}

// Start begins running jobs every interval.
func (s *Scheduler) Start(interval time.Duration) error {
	s.mu.Lock()
	if s.running {
		s.mu.Unlock()
		return errRunning
	}
	s.mu.Unlock()

	s.interval = interval
	s.quit = make(chan struct{})
	go s.loop(s.quit)
	return nil
}

func (s *Scheduler) loop(quit chan struct{}) {
	for {
		s.mu.Lock()
		d := s.interval
		s.mu.Unlock()
		select {
		case <-quit:
			return
		case <-time.After(d):
		}
		s.mu.Lock()
		jobs := append([]job(nil), s.jobs...)
		s.ticks++
		s.mu.Unlock()
		for _, j := range jobs {
			j()
		}
	}
}

func (s *Scheduler) Ticks() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ticks
}

func main() {
	var s Scheduler
	var mu sync.Mutex
	count := 0
	s.Add(func() { mu.Lock(); count++; mu.Unlock() })
	if err := s.Start(200 * time.Microsecond); err != nil {
		fmt.Println(err)
	}
	time.Sleep(time.Millisecond)
	// A second component also tries to start the shared scheduler.
	if err := s.Start(100 * time.Microsecond); err != nil {
		fmt.Println(err)
	}
	time.Sleep(time.Millisecond)
	mu.Lock()
	fmt.Println("ticks", s.Ticks(), "runs", count)
	mu.Unlock()
}
