// Correct: Start returns its cancel to the caller (inside stop), and the test fixture registers every cancel for cleanup.
package g2_cleanup_stack

import (
	"context"
	"sync"
	"time"
)

// Task is a periodic job.
type Task struct {
	Name  string
	Every time.Duration
	Run   func(ctx context.Context) error
}

// Scheduler runs tasks on fixed intervals.
type Scheduler struct {
	mu   sync.Mutex
	runs map[string]int
}

func NewScheduler() *Scheduler {
	return &Scheduler{runs: make(map[string]int)}
}

// Start launches task in the background; the returned stop func cancels it and waits.
func (s *Scheduler) Start(parent context.Context, task Task) (stop func()) {
	ctx, cancel := context.WithCancel(parent)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(task.Every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if task.Run(ctx) == nil {
					s.mu.Lock()
					s.runs[task.Name]++
					s.mu.Unlock()
				}
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// Runs reports how many successful runs task name has had.
func (s *Scheduler) Runs(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.runs[name]
}
