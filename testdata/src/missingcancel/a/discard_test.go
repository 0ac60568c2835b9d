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
