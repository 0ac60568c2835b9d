// Package lib holds helpers that receive or create cancel functions,
// seen by package a only through facts.
package lib

import (
	"context"
	"time"
)

// CallLater calls cancel once done is closed.
func CallLater(done <-chan struct{}, cancel context.CancelFunc) {
	go func() {
		<-done
		cancel()
	}()
}

// Cancel calls f.
func Cancel(f func()) { f() }

// Log mentions cancel without ever calling it.
func Log(name string, cancel context.CancelFunc) { // want Log:"ignoresParams\\[1\\]"
	if cancel == nil {
		println(name, "has no cancel")
	}
}

// Forward only passes cancel on to Log: still never called.
func Forward(cancel context.CancelFunc) { // want Forward:"ignoresParams\\[0\\]"
	Log("forward", cancel)
}

// NewTimeout returns a fresh cancel function its caller must call.
func NewTimeout(parent context.Context) (context.Context, context.CancelFunc) { // want NewTimeout:"cancelSource\\(1\\)"
	if parent == nil {
		parent = context.Background()
	}
	return context.WithTimeout(parent, time.Second)
}

// NewGuarded calls the cancel itself on failure: not a source.
func NewGuarded(parent context.Context, fail bool) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	if fail {
		cancel()
		return nil, nil
	}
	return ctx, cancel
}

// Closer keeps the cancel function in an unexported field that Close calls.
type Closer struct {
	cancel context.CancelFunc
}

func NewCloser(cancel context.CancelFunc) *Closer { return &Closer{cancel: cancel} }

func (c *Closer) Close() { c.cancel() }

// Holder keeps the cancel function in an unexported field nobody reads.
type Holder struct {
	cancel context.CancelFunc
	N      int
}

func Hold(cancel context.CancelFunc) *Holder { // want Hold:"ignoresParams\\[0\\]"
	return &Holder{cancel: cancel, N: 1}
}

// Apply calls f: generic, seen through instantiation.
func Apply[T any](v T, f func()) T {
	f()
	return v
}

// Drop never calls f.
func Drop[T any](v T, f func()) T { // want Drop:"ignoresParams\\[1\\]"
	return v
}
