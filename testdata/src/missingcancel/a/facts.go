package a

import (
	"context"
	"time"

	"missingcancel/lib"
)

// --- bad ---

func passedToLogger(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want `the cancel function returned by context.WithCancel is never called`
	lib.Log("job", cancel)
	return work(ctx)
}

func passedThroughForward(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want `is never called`
	lib.Forward(cancel)
	return work(ctx)
}

func heldButNeverRead(parent context.Context) (*lib.Holder, error) {
	ctx, cancel := context.WithCancel(parent) // want `is never called`
	h := lib.Hold(cancel)
	return h, work(ctx)
}

func droppedGeneric(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want `is never called`
	return lib.Drop(work(ctx), cancel)
}

func sourceDiscarded(parent context.Context) error {
	ctx, _ := lib.NewTimeout(parent) // want `the cancel function returned by lib.NewTimeout is discarded`
	return work(ctx)
}

func sourceEarlyReturn(parent context.Context) error {
	ctx, cancel := lib.NewTimeout(parent) // want `the cancel function returned by lib.NewTimeout is not called on all paths`
	if err := work(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

// A local helper that ignores its argument.
func remember(name string, f func()) { // want remember:"ignoresParams\\[1\\]"
	_ = name
}

func passedToLocalIgnorer(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want `is never called`
	remember("x", cancel)
	return work(ctx)
}

// A local cancel source, and a source of sources.
func withDeadline(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) { // want withDeadline:"cancelSource\\(1\\)"
	if d <= 0 {
		return context.WithCancel(parent)
	}
	return context.WithTimeout(parent, d)
}

func withDefaultDeadline(parent context.Context) (context.Context, context.CancelFunc) { // want withDefaultDeadline:"cancelSource\\(1\\)"
	ctx, cancel := withDeadline(parent, time.Minute)
	return ctx, cancel
}

func localSourceLeak(parent context.Context) error {
	ctx, cancel := withDefaultDeadline(parent) // want `the cancel function returned by a.withDefaultDeadline is never called`
	_ = cancel
	return work(ctx)
}

// --- good ---

func passedToCallLater(parent context.Context, done <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	lib.CallLater(done, cancel)
	return ctx
}

func passedToCancel(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	err := work(ctx)
	lib.Cancel(cancel)
	return err
}

func passedToCloser(parent context.Context) (*lib.Closer, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return lib.NewCloser(cancel), ctx
}

func appliedGeneric(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	return lib.Apply(work(ctx), cancel)
}

func sourceDeferred(parent context.Context) error {
	ctx, cancel := lib.NewTimeout(parent)
	defer cancel()
	return work(ctx)
}

// NewGuarded calls cancel itself on one path, so it is not a source and
// its callers are not checked.
func notASource(parent context.Context) error {
	ctx, _ := lib.NewGuarded(parent, false)
	return work(ctx)
}

func localSourceDeferred(parent context.Context) error {
	ctx, cancel := withDeadline(parent, time.Second)
	defer cancel()
	return work(ctx)
}

// Unknown callees: a function value, an interface method.
type canceller interface{ Adopt(context.CancelFunc) }

func passedToInterface(parent context.Context, c canceller, f func(func())) context.Context {
	ctx, cancel := context.WithCancel(parent)
	c.Adopt(cancel)
	ctx2, cancel2 := context.WithCancel(ctx)
	f(cancel2)
	return ctx2
}
