package g2_cleanup_stack

import (
	"context"
	"testing"
	"time"
)

type fixture struct {
	sched    *Scheduler
	ctx      context.Context
	cleanups []func()
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	f := &fixture{sched: NewScheduler(), ctx: ctx}
	t.Cleanup(func() {
		for i := len(f.cleanups) - 1; i >= 0; i-- {
			f.cleanups[i]()
		}
	})
	return f
}

// taskCtx gives a task its own cancellable scope, torn down with the fixture.
func (f *fixture) taskCtx() context.Context {
	ctx, cancel := context.WithCancel(f.ctx)
	f.cleanups = append(f.cleanups, cancel)
	return ctx
}

func waitRuns(t *testing.T, s *Scheduler, name string, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for s.Runs(name) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%s: %d runs, want %d", name, s.Runs(name), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestSchedulerRunsTasks(t *testing.T) {
	f := newFixture(t)
	noop := func(context.Context) error { return nil }

	stopA := f.sched.Start(f.taskCtx(), Task{Name: "a", Every: 5 * time.Millisecond, Run: noop})
	f.cleanups = append(f.cleanups, stopA)
	stopB := f.sched.Start(f.taskCtx(), Task{Name: "b", Every: 5 * time.Millisecond, Run: noop})
	t.Cleanup(stopB)

	waitRuns(t, f.sched, "a", 2)
	waitRuns(t, f.sched, "b", 2)
}
