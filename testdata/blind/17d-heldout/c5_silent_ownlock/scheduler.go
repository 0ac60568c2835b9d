package cronish

import (
	"sort"
	"sync"
	"time"
)

type Job struct {
	Name  string
	Every time.Duration
	Next  time.Time
}

type History interface {
	Record(name string, at time.Time)
	Recent(n int) []string
}

type Scheduler struct {
	mu      sync.Mutex
	jobs    map[string]*Job
	history History
}

func NewScheduler() *Scheduler {
	s := &Scheduler{jobs: map[string]*Job{}}
	s.history = newRunLog(s, 64)
	return s
}

func (s *Scheduler) Add(j Job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j.Next = time.Now().Add(j.Every)
	s.jobs[j.Name] = &j
}

func (s *Scheduler) Due(now time.Time) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var due []string
	for name, j := range s.jobs {
		if !now.Before(j.Next) {
			due = append(due, name)
			j.Next = now.Add(j.Every)
			s.history.Record(name, now)
		}
	}
	sort.Strings(due)
	return due
}
