package a

import (
	"context"
	"testing"
	"time"
)

// A test that hands the code under test a context with an expired or
// short deadline: the context's own timer releases it.
func TestExpiredDeadline(t *testing.T) {
	ctx, _ := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	if ctx.Err() == nil {
		t.Fatal("want expired")
	}
	short, _ := context.WithTimeout(context.Background(), time.Millisecond)
	<-short.Done()
}

// A context nothing but its parent ends: it stays registered in the
// test's context until the test ends.
func TestDiscardedCancel(t *testing.T) {
	ctx, _ := context.WithCancel(t.Context()) // want `the cancel function returned by context.WithCancel is discarded`
	_ = ctx
}

// A fixture's context under Background holds nothing: silent.
func TestDiscardedBackground(t *testing.T) {
	ctx, _ := context.WithCancel(context.Background())
	_ = ctx
}

type connUp struct {
	cancelFn func()
	done     chan struct{}
}

// A test fixture hands the cancel to the test over a channel, in a
// field the test never reads: as for go vet, any use hands it on in a
// test. Silent.
func TestHandedInField(t *testing.T) {
	up := make(chan connUp, 1)
	attempt := func(parent context.Context, fail bool) error {
		ctx, cancel := context.WithCancel(parent)
		if fail {
			cancel()
			return context.Canceled
		}
		up <- connUp{cancelFn: cancel, done: make(chan struct{})}
		_ = ctx
		return nil
	}
	if err := attempt(t.Context(), false); err != nil {
		t.Fatal(err)
	}
	<-up
}

// A short timeout the test never cancels: its timer ends it. Silent.
func TestShortTimeoutUncalled(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	if ctx.Err() != nil {
		t.Fatal("expired early")
	}
	_ = cancel
}

// A cancel the test never uses at all on one path: reported, as go vet
// does.
func TestUnusedOnOnePath(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context()) // want `the cancel function returned by context.WithCancel is not called on all paths`
	if ctx.Err() != nil {
		return
	}
	cancel()
}
