// BAD: the scheduler hands each long-running job's cancel to markPending, which only stores it in a map as a
// "job is running" marker; finish deletes the entry without calling it and nothing else does, so each job's deadline context outlives the job.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type JobFunc func(ctx context.Context) error

type Scheduler struct {
	root    context.Context
	mu      sync.Mutex
	pending map[string]context.CancelFunc
	wg      sync.WaitGroup
}

func NewScheduler(root context.Context) *Scheduler {
	return &Scheduler{root: root, pending: make(map[string]context.CancelFunc)}
}

func (s *Scheduler) markPending(name string, cancel context.CancelFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending[name] = cancel
}

func (s *Scheduler) finish(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.pending, name)
}

func (s *Scheduler) IsRunning(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.pending[name]
	return ok
}

// Run starts the job unless one with the same name is already running.
// Each run may take up to a day before its deadline expires.
func (s *Scheduler) Run(name string, fn JobFunc) bool {
	if s.IsRunning(name) {
		return false
	}
	deadline := time.Now().Add(24 * time.Hour)
	ctx, cancel := context.WithDeadline(s.root, deadline) // want "never called"
	s.markPending(name, cancel)

	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer s.finish(name)
		for attempt := 1; ; attempt++ {
			err := fn(ctx)
			if err == nil || ctx.Err() != nil {
				return
			}
			time.Sleep(time.Duration(attempt) * 5 * time.Millisecond)
		}
	}()
	return true
}

func (s *Scheduler) Wait() { s.wg.Wait() }

func main() {
	s := NewScheduler(context.Background())
	tries := 0
	s.Run("reindex", func(ctx context.Context) error {
		tries++
		if tries < 3 {
			return fmt.Errorf("shard %d busy", tries)
		}
		return nil
	})
	fmt.Println("second start accepted:", s.Run("reindex", func(context.Context) error { return nil }))
	s.Wait()
	fmt.Println("tries:", tries, "running:", s.IsRunning("reindex"))
}
