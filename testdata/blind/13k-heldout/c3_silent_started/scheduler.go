// Package cron runs registered jobs at a fixed interval.
package cron

import (
	"errors"
	"log"
	"sync"
	"time"
)

// ErrStarted is returned if Start is called more than once.
var ErrStarted = errors.New("cron: already started")

// Job is a unit of periodic work.
type Job struct {
	Name string
	Run  func() error
}

// Scheduler runs jobs every interval.
type Scheduler struct {
	mu       sync.Mutex
	interval time.Duration
	jobs     []Job
	logger   *log.Logger
	started  bool
	runs     map[string]int
}

// New returns an idle scheduler.
func New(logger *log.Logger) *Scheduler {
	return &Scheduler{logger: logger, runs: map[string]int{}}
}

// Add registers a job; it may be called before or after Start.
func (s *Scheduler) Add(j Job) {
	s.mu.Lock()
	s.jobs = append(s.jobs, j)
	s.mu.Unlock()
}

// Start begins running jobs every d. It can be called only once.
func (s *Scheduler) Start(d time.Duration, initial ...Job) error {
	if s.started {
		return ErrStarted
	}
	s.interval = d
	s.jobs = append(s.jobs, initial...)
	s.started = true
	go s.run()
	return nil
}

// Runs reports how often a job has run.
func (s *Scheduler) Runs(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.runs[name]
}

func (s *Scheduler) run() {
	for {
		s.mu.Lock()
		d := s.interval
		jobs := append([]Job(nil), s.jobs...)
		s.mu.Unlock()

		time.Sleep(d)
		for _, j := range jobs {
			if err := j.Run(); err != nil {
				s.logger.Printf("cron: %s: %v", j.Name, err)
			}
			s.mu.Lock()
			s.runs[j.Name]++
			s.mu.Unlock()
		}
	}
}
