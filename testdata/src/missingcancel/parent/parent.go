package parent

import (
	"context"
	"time"
)

type msg struct{ cancel context.CancelFunc }

var out = make(chan msg, 1)

func work(context.Context) error { return nil }

// The child's parent is cancelled by a defer on every path of the
// function that made it: the child lives no longer than that.
func child() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, cancel2 := context.WithTimeout(ctx, time.Second) // silent
	if work(c) != nil {
		return
	}
	cancel2()
}

// A callback derives from the enclosing function's context, which that
// function cancels on every path; one run after it returns gets a
// child cancelled at birth.
func callback() func() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := func() {
		c, cancel2 := context.WithCancel(ctx) // silent
		if work(c) == nil {
			out <- msg{cancel: cancel2}
		}
	}
	f()
	return f
}

// The parent's cancel is not deferred: an early return leaves both.
func notDeferred() {
	ctx, cancel := context.WithCancel(context.Background()) // want `the cancel function returned by context.WithCancel is not called on all paths`
	c, cancel2 := context.WithTimeout(ctx, time.Second) // want `the cancel function returned by context.WithTimeout is not called on all paths`
	if work(c) != nil {
		return
	}
	cancel2()
	cancel()
}

// The parent variable is reassigned: the deferred cancel is of the
// first context only.
func reassigned() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx = context.Background()
	f := func() {
		c, cancel2 := context.WithCancel(ctx) // want `the cancel function returned by context.WithCancel is never called`
		if work(c) == nil {
			out <- msg{cancel: cancel2}
		}
	}
	f()
	ctx = context.TODO()
}
