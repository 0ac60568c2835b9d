// Package stopper is a closer object (ristretto's z.Closer): a cancel
// to ask a goroutine to stop and a WaitGroup to wait until it has.
package stopper

import (
	"context"
	"sync"
)

var never <-chan struct{}

type Stopper struct {
	running sync.WaitGroup
	ctx     context.Context
	cancel  context.CancelFunc
}

func New(n int) *Stopper {
	s := &Stopper{}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.running.Add(n)
	return s
}

func (s *Stopper) Signal() { s.cancel() }

func (s *Stopper) Stopped() <-chan struct{} {
	if s == nil {
		return never
	}
	return s.ctx.Done()
}

func (s *Stopper) Done() {
	if s == nil {
		return
	}
	s.running.Done()
}

func (s *Stopper) Wait() { s.running.Wait() }

func (s *Stopper) SignalAndWait() {
	s.Signal()
	s.Wait()
}

// Linked is no closer: its context is derived from one the caller
// may cancel at any time, not only through Signal.
type Linked struct {
	running sync.WaitGroup
	ctx     context.Context
	cancel  context.CancelFunc
}

func NewLinked(parent context.Context) *Linked {
	l := &Linked{}
	l.ctx, l.cancel = context.WithCancel(parent)
	l.running.Add(1)
	return l
}

func (l *Linked) Stopped() <-chan struct{} { return l.ctx.Done() }
func (l *Linked) Done()                    { l.running.Done() }
func (l *Linked) SignalAndWait()           { l.cancel(); l.running.Wait() }
