// Package a holds realistic cases beyond the guide's examples.
package a

import (
	"context"
	"errors"
	"os/signal"
	"syscall"
	"time"
)

var errFailed = errors.New("failed")

func work(ctx context.Context) error { return ctx.Err() }

// --- bad ---

func discarded(parent context.Context) {
	ctx, _ := context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is discarded`
	_ = work(ctx)
}

// A context that can never be cancelled holds nothing: no parent
// registers it, no timer runs. Silent.
func discardedNeverCancelled() {
	ctx, _ := context.WithCancel(context.WithValue(context.Background(), errFailed, 1))
	_ = work(ctx)
	cctx, _ := context.WithCancelCause(context.TODO())
	_ = work(cctx)
}

// Under a context that can be cancelled, even through WithValue, the
// child stays registered until the parent ends.
func discardedUnderValue(parent context.Context) {
	ctx, _ := context.WithCancel(context.WithValue(parent, errFailed, 1)) // want `the cancel function returned by context.WithCancel is discarded`
	_ = work(ctx)
}

func discardedCause() {
	ctx, _ := context.WithTimeoutCause(context.Background(), time.Second, errFailed) // want `the cancel function returned by context.WithTimeoutCause is discarded`
	_ = work(ctx)
}

// Mentioning the variable is not calling it (vet's lostcancel is
// satisfied by this).
func mentionedOnly() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `the cancel function returned by context.WithTimeout is never called`
	_ = cancel
	_ = work(ctx)
}

func earlyReturn(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is not called on all paths`
	if err := work(ctx); err != nil {
		return err
	}
	defer cancel()
	return work(ctx)
}

// cancel(err) on the failure path only; the fix uses cancel(nil).
func causeOnlyOnError(parent context.Context) error {
	ctx, cancel := context.WithCancelCause(parent) // want `the cancel function returned by context.WithCancelCause is not called on all paths`
	if err := work(ctx); err != nil {
		cancel(err)
		return err
	}
	return nil
}

func stopNotCalled(parent context.Context) error {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGTERM) // want `the stop function returned by signal.NotifyContext is not called on all paths`
	if err := work(ctx); err != nil {
		return err
	}
	stop()
	return nil
}

// Compared against nil but never called.
func nilCheckedOnly(parent context.Context) bool {
	var ctx, cancel = context.WithDeadline(parent, time.Now()) // want `the cancel function returned by context.WithDeadline is never called`
	return cancel != nil && work(ctx) == nil
}

// A closure that would cancel, never called.
func closureNeverCalled(parent context.Context) {
	ctx, cancel := context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is never called`
	stop := func() { cancel() }
	_ = stop
	_ = work(ctx)
}

// A closure called on one branch only.
func closureOneBranch(parent context.Context, fast bool) error {
	ctx, cancel := context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is not called on all paths`
	stop := func() { cancel() }
	if fast {
		return nil
	}
	defer stop()
	return work(ctx)
}

func selectEarlyReturn(ch chan int) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `is not called on all paths`
	select {
	case ch <- 1:
	case <-ctx.Done():
		return
	}
	cancel()
}

// --- good ---

func deferred(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return work(ctx)
}

func calledOnBothBranches(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	if err := work(ctx); err != nil {
		cancel()
		return err
	}
	cancel()
	return nil
}

func returned(parent context.Context) (context.Context, context.CancelFunc) { // want returned:"cancelSource\\(1\\)"
	ctx, cancel := context.WithTimeout(parent, time.Second)
	return ctx, cancel
}

// Named results and a naked return hand the cancel over as well.
func returnedNaked(parent context.Context) (ctx context.Context, cancel context.CancelFunc) { // want returnedNaked:"cancelSource\\(1\\)"
	ctx, cancel = context.WithCancel(parent)
	return
}

func goroutineCalls(parent context.Context, done chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

func goCancel(parent context.Context, done chan struct{}) {
	ctx, cancel := context.WithCancel(parent)
	_ = work(ctx)
	go cancel()
}

// Cancel on failure only, through a deferred closure guarded by a flag.
func deferredClosureFlag(parent context.Context) (context.Context, context.CancelFunc, error) {
	ctx, cancel := context.WithCancel(parent)
	ok := false
	defer func() {
		if !ok {
			cancel()
		}
	}()
	if err := work(ctx); err != nil {
		return nil, nil, err
	}
	ok = true
	return ctx, cancel, nil
}

func closureInVariable(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	stop := func() { cancel() }
	defer stop()
	return work(ctx)
}

// Conditional creation merged in a phi, then deferred.
func conditionalCreation(parent context.Context, d time.Duration) error {
	var ctx context.Context
	var cancel context.CancelFunc
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	} else {
		ctx, cancel = context.WithCancel(parent)
	}
	defer cancel()
	return work(ctx)
}

// The nil side of the test cannot hold this cancel function.
func nilGuarded(parent context.Context, d time.Duration) error {
	ctx := parent
	var cancel context.CancelFunc
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	}
	err := work(ctx)
	if cancel != nil {
		cancel()
	}
	return err
}

func stopDeferred(parent context.Context) error {
	ctx, stop := signal.NotifyContext(parent, syscall.SIGINT)
	defer stop()
	return work(ctx)
}

func causeDeferred(parent context.Context) error {
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(errFailed)
	return work(ctx)
}

func withoutCancel(parent context.Context) error {
	return work(context.WithoutCancel(parent))
}

func panics(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	if work(ctx) != nil {
		panic("unreachable")
	}
	cancel()
}

func sentAway(parent context.Context, out chan<- context.CancelFunc) context.Context {
	ctx, cancel := context.WithCancel(parent)
	out <- cancel
	return ctx
}

func afterFunc(parent, other context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	context.AfterFunc(other, cancel)
	return ctx
}

// The deferred closure reads the variable when the function returns,
// after the assignment.
func deferredBeforeCreation(parent context.Context) error {
	cancel := func() {}
	defer func() { cancel() }()
	var ctx context.Context
	ctx, cancel = context.WithCancel(parent)
	return work(ctx)
}

// Likewise for a goroutine started earlier.
func goroutineBeforeCreation(parent context.Context, ready chan struct{}) error {
	var cancel context.CancelFunc
	go func() {
		<-ready
		cancel()
	}()
	ctx, cancel := context.WithTimeout(parent, time.Second)
	close(ready)
	return work(ctx)
}
