// Package cron runs registered tasks on fixed intervals.
package cron

import (
	"context"
	"log"
	"sync"
	"time"
)

// Task is a periodic job.
type Task struct {
	Name  string
	Every time.Duration
	Run   func(context.Context) error
	next  time.Time
}

// Scheduler fires tasks when they are due.
type Scheduler struct {
	mu    sync.Mutex
	tasks []*Task
	tick  time.Duration
	wg    sync.WaitGroup
}

// NewScheduler returns a scheduler that checks for due tasks every tick.
func NewScheduler(tick time.Duration) *Scheduler {
	return &Scheduler{tick: tick}
}

// Add registers a task; it first runs one interval from now.
func (s *Scheduler) Add(t *Task) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t.next = time.Now().Add(t.Every)
	s.tasks = append(s.tasks, t)
}

// Start runs the scheduler until ctx is cancelled.
func (s *Scheduler) Start(ctx context.Context) {
	s.wg.Add(1)
	go s.loop(ctx)
}

func (s *Scheduler) loop(ctx context.Context) {
	defer s.wg.Done()
	t := time.NewTicker(s.tick)
	defer t.Stop()
loop:
	for {
		select {
		case <-ctx.Done():
			log.Printf("cron: stopping: %v", ctx.Err())
			break loop
		case now := <-t.C:
			for _, task := range s.due(now) {
				if err := task.Run(ctx); err != nil {
					log.Printf("cron: %s: %v", task.Name, err)
				}
			}
		}
	}
	s.mu.Lock()
	s.tasks = nil
	s.mu.Unlock()
}

func (s *Scheduler) due(now time.Time) []*Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Task
	for _, t := range s.tasks {
		if !now.Before(t.next) {
			t.next = now.Add(t.Every)
			out = append(out, t)
		}
	}
	return out
}

// Wait blocks until the scheduler loop has returned.
func (s *Scheduler) Wait() { s.wg.Wait() }
