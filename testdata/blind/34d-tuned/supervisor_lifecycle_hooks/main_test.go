// BAD: OnStart sends on the unbuffered started channel, which the test never reads;
// the test waits on exited instead, so the supervisor is stuck before running the task.

package supervise

import (
	"context"
	"errors"
	"testing"
)

type exitEvent struct {
	name string
	err  error
}

func TestSupervisorReportsExit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	started := make(chan int)
	exited := make(chan exitEvent)
	errDisk := errors.New("disk full")

	s := New("indexer", func(context.Context) error { return errDisk }, 0, Hooks{
		OnStart: func(name string, attempt int) {
			started <- attempt // want "blocks forever"
		},
		OnExit: func(name string, err error) {
			exited <- exitEvent{name: name, err: err}
		},
	})
	s.Start(ctx)

	ev := <-exited
	if ev.name != "indexer" {
		t.Errorf("exit name = %q, want indexer", ev.name)
	}
	if !errors.Is(ev.err, errDisk) {
		t.Errorf("exit err = %v, want %v", ev.err, errDisk)
	}
}
