package queue

import (
	"context"
	"sync"
	"testing"
)

// The accepting goroutine returns after t.Errorf without sending on
// streamc; the third goroutine's plain receive then blocks, and
// wg.Wait with it. AcceptStream's queue hands its gate back on the
// way (a send on the gate's channel), which the receiver cannot hear.
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
		s := <-streamc // want `receive from streamc may block forever: the goroutine that sends on it can return without sending`
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
