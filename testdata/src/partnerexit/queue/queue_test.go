package queue

import (
	"context"
	"sync"
	"testing"
)

// The shape of x/net quic/endpoint_test.go:137 (issue 17): the
// accepting goroutine returns after t.Errorf without sending on
// streamc; the third goroutine's plain receive then blocks, and
// wg.Wait with it. On its way out AcceptStream hands the queue's gate
// back (queue[T].get's deferred unlock sends on the gate's channels):
// the release of a lock, which tells the receiver nothing.
func TestAcceptThenClose(t *testing.T) {
	ctx := context.Background()
	c := NewConn()
	streamc := make(chan *Stream, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		s, err := c.AcceptStream(ctx)
		if err != nil {
			t.Errorf("AcceptStream: %v", err)
			return
		}
		streamc <- s
	})
	wg.Go(func() {
		c.Push(&Stream{})
	})
	wg.Go(func() {
		s := <-streamc // want `receive from streamc may block forever`
		s.Close()
	})
	wg.Wait()
}

// Silent: on its way out the accepting goroutine calls a helper that
// runs a callback the model cannot name, which may start another
// sender.
func TestAcceptCallback(t *testing.T) {
	ctx := context.Background()
	c := NewConn()
	streamc := make(chan *Stream, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		s, err := c.AcceptStream(ctx)
		if err != nil {
			c.fail(err)
			return
		}
		streamc <- s
	})
	wg.Go(func() {
		s := <-streamc
		s.Close()
	})
	wg.Wait()
}

// Silent: the accepting goroutine delivers on every path, a nil stream
// when the accept fails.
func TestAcceptDelivers(t *testing.T) {
	ctx := context.Background()
	c := NewConn()
	streamc := make(chan *Stream, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		s, err := c.AcceptStream(ctx)
		if err != nil {
			t.Errorf("AcceptStream: %v", err)
			streamc <- nil
			return
		}
		streamc <- s
	})
	wg.Go(func() {
		c.Push(&Stream{})
	})
	wg.Go(func() {
		if s := <-streamc; s != nil {
			s.Close()
		}
	})
	wg.Wait()
}

// turnstile is made locked: the goroutine that runs the work holds it
// from the start, and its release is the very thing the waiter waits
// for, a hand-over, not a lock's release (nobody took the token first).
type turnstile struct{ tok chan struct{} }

func (ts *turnstile) enter() { <-ts.tok }
func (ts *turnstile) leave() { ts.tok <- struct{}{} }

func work() error { return nil }

// Silent: the worker releases the turnstile on every path (deferred),
// also after t.Errorf; the waiter's receive needs nothing else.
func TestTurnstile(t *testing.T) {
	ts := &turnstile{tok: make(chan struct{}, 1)}
	go func() {
		defer ts.leave()
		if err := work(); err != nil {
			t.Errorf("work: %v", err)
			return
		}
	}()
	ts.enter()
}
