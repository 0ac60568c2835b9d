// BAD: the test installs an OnStart hook that sends on an unbuffered channel but only
// receives from the OnExit channel, so the supervisor goroutine blocks in OnStart.

// Package supervise runs named tasks and restarts them when they fail.
package supervise

import (
	"context"
	"time"
)

// Task is a long-running unit of work.
type Task func(ctx context.Context) error

// Hooks are optional callbacks invoked from the supervisor goroutine.
type Hooks struct {
	OnStart func(name string, attempt int)
	OnExit  func(name string, err error)
}

// Supervisor runs a single task with bounded restarts.
type Supervisor struct {
	name        string
	task        Task
	hooks       Hooks
	maxRestarts int
	backoff     time.Duration
}

// New returns a Supervisor for task.
func New(name string, task Task, maxRestarts int, hooks Hooks) *Supervisor {
	return &Supervisor{
		name:        name,
		task:        task,
		hooks:       hooks,
		maxRestarts: maxRestarts,
		backoff:     10 * time.Millisecond,
	}
}

// Start runs the task in a new goroutine until it succeeds, ctx is done,
// or it has failed maxRestarts+1 times.
func (s *Supervisor) Start(ctx context.Context) {
	go s.loop(ctx)
}

func (s *Supervisor) loop(ctx context.Context) {
	for attempt := 0; attempt <= s.maxRestarts; attempt++ {
		if s.hooks.OnStart != nil {
			s.hooks.OnStart(s.name, attempt)
		}
		err := s.task(ctx)
		if s.hooks.OnExit != nil {
			s.hooks.OnExit(s.name, err)
		}
		if err == nil || ctx.Err() != nil {
			return
		}
		select {
		case <-time.After(s.backoff):
		case <-ctx.Done():
			return
		}
	}
}
