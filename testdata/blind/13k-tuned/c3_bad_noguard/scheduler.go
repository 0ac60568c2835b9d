// Package cron runs registered jobs at a fixed interval.
package cron

import (
	"log"
	"sync"
	"time"
)

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
	runs     map[string]int
	stop     chan struct{}
}

// New returns an idle scheduler.
func New(logger *log.Logger) *Scheduler {
	return &Scheduler{logger: logger, runs: map[string]int{}}
}

// Add registers a job.
func (s *Scheduler) Add(j Job) {
	s.mu.Lock()
	s.jobs = append(s.jobs, j)
	s.mu.Unlock()
}

// Start begins running jobs every d; calling it again restarts with a new interval.
func (s *Scheduler) Start(d time.Duration) {
	s.interval = d
	stop := make(chan struct{})
	s.mu.Lock()
	old := s.stop
	s.stop = stop
	s.mu.Unlock()
	if old != nil {
		close(old)
	}
	go s.run(stop)
}

// Runs reports how often a job has run.
func (s *Scheduler) Runs(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.runs[name]
}

func (s *Scheduler) run(stop <-chan struct{}) {
	for {
		s.mu.Lock()
		d := s.interval
		jobs := append([]Job(nil), s.jobs...)
		s.mu.Unlock()

		select {
		case <-stop:
			return
		case <-time.After(d):
		}
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
