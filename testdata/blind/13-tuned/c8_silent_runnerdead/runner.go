// Class 8, SILENT: every constructor sets r.exec to a non-nil func and nothing ever clears it, so the branch in Run that sends on r.errc before any receiver goroutine exists can never execute.
package c8_silent_runnerdead

import (
	"context"
	"errors"
	"os/exec"
)

var errNoExec = errors.New("runner: no executor")

type Runner struct {
	exec func(ctx context.Context) error
	errc chan error
}

func NewCommandRunner(name string, args ...string) *Runner {
	return &Runner{
		exec: func(ctx context.Context) error {
			return exec.CommandContext(ctx, name, args...).Run()
		},
		errc: make(chan error),
	}
}

func NewFuncRunner(fn func(ctx context.Context) error) *Runner {
	if fn == nil {
		fn = func(context.Context) error { return nil }
	}
	return &Runner{exec: fn, errc: make(chan error)}
}

// Run executes the job in the background and waits for it or for ctx.
func (r *Runner) Run(ctx context.Context) error {
	if r.exec == nil {
		r.errc <- errNoExec
	}
	go func() {
		r.errc <- r.exec(ctx)
	}()
	select {
	case err := <-r.errc:
		return err
	case <-ctx.Done():
		<-r.errc
		return ctx.Err()
	}
}
