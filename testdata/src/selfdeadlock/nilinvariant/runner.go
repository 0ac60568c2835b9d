// Package nilinvariant: a send on a path taken only when a field is
// nil. When every constructor sets the field and nothing clears it,
// the send never runs and nothing is reported.
package nilinvariant

import (
	"context"
	"errors"
	"os/exec"
)

var errNoExec = errors.New("runner: no executor")

// Runner is the seen blind case c8_silent_runnerdead: both
// constructors set exec to a non-nil func (one defaults a nil
// argument), and nothing clears it.
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

// Job reports on a channel of its own: the send in the nil branch
// would block before the receiving goroutine exists, but exec is set
// in the only constructor and never cleared.
type Job struct {
	exec func() error
}

func NewJob(fn func() error) *Job {
	if fn == nil {
		fn = func() error { return nil }
	}
	return &Job{exec: fn}
}

func (j *Job) Run() error {
	errc := make(chan error)
	if j.exec == nil {
		errc <- errNoExec // silent: exec is never nil
	}
	go func() { errc <- j.exec() }()
	return <-errc
}

// SetExec may store nil: Run's nil branch is live again.
type Resettable struct {
	exec func() error
}

func NewResettable(fn func() error) *Resettable {
	if fn == nil {
		fn = func() error { return nil }
	}
	return &Resettable{exec: fn}
}

func (j *Resettable) SetExec(fn func() error) { j.exec = fn }

func (j *Resettable) Run() error {
	errc := make(chan error)
	if j.exec == nil {
		errc <- errNoExec // want `send on unbuffered channel errc blocks forever: no other goroutine can receive from it`
	}
	go func() { errc <- j.exec() }()
	return <-errc
}

// Loose stores the caller's value unchecked.
type Loose struct {
	exec func() error
}

func NewLoose(fn func() error) *Loose { return &Loose{exec: fn} }

func (j *Loose) Run() error {
	errc := make(chan error)
	if j.exec == nil {
		errc <- errNoExec // want `send on unbuffered channel errc blocks forever: no other goroutine can receive from it`
	}
	go func() { errc <- j.exec() }()
	return <-errc
}
