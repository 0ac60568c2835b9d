// Package await waits for a context to end. Once a plain receive from
// ctx.Done() returns, the context is cancelled (its timer fired, or its
// parent was), and a cancelled context holds nothing for its cancel
// function to release: a function that receives from Done on every
// path before it returns leaks nothing, even with the cancel discarded.
// A select on Done, or a path around the receive, does not wait, and
// os/signal's stop also unregisters the signals, which Done does not.
package await

import (
	"context"
	"os"
	"os/signal"
	"time"
)

func settle() {
	ctx, _ := context.WithTimeout(context.Background(), time.Second)
	<-ctx.Done()
}

func settleFor(parent context.Context, d time.Duration) error {
	ctx, _ := context.WithTimeout(parent, d)
	<-ctx.Done()
	return ctx.Err()
}

func settleOrCancel(fast bool) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	if fast {
		cancel()
		return
	}
	<-ctx.Done()
}

func settleUnlessStopped(stop <-chan struct{}) {
	ctx, _ := context.WithTimeout(context.Background(), time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
	select {
	case <-ctx.Done():
	case <-stop:
	}
}

func settleUnlessFast(fast bool) {
	ctx, _ := context.WithTimeout(context.Background(), time.Second) // want `the cancel function returned by context.WithTimeout is discarded`
	if fast {
		return
	}
	<-ctx.Done()
}

func untilInterrupt() {
	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt) // want `the stop function returned by signal.NotifyContext is discarded`
	<-ctx.Done()
}
