// Package queue: a partner behind a generic queue whose gate is made of
// channels (a monitor: lock by receiving a token, unlock by sending it
// back), in the shape of x/net/quic's queue[T] and gate.
package queue

import (
	"context"
	"errors"
)

type gate struct {
	set   chan struct{}
	unset chan struct{}
}

// newGate fills the gate it has just made: nobody else has it yet.
func newGate() gate {
	g := newLockedGate()
	g.unlock(false)
	return g
}

func newLockedGate() gate {
	return gate{set: make(chan struct{}, 1), unset: make(chan struct{}, 1)}
}

func (g *gate) lock() bool {
	select {
	case <-g.set:
		return true
	case <-g.unset:
		return false
	}
}

func (g *gate) waitAndLock(ctx context.Context) error {
	select {
	case <-g.set:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *gate) unlock(set bool) {
	if set {
		g.set <- struct{}{}
	} else {
		g.unset <- struct{}{}
	}
}

type queue[T any] struct {
	gate gate
	err  error
	q    []T
}

func newQueue[T any]() queue[T] { return queue[T]{gate: newGate()} }

func (q *queue[T]) put(v T) bool {
	q.gate.lock()
	defer q.unlock()
	if q.err != nil {
		return false
	}
	q.q = append(q.q, v)
	return true
}

// get hands the gate back on its way out: a send on the gate's
// channels, the release of a lock, which wakes only the queue's next
// user (syncmodel's gates), not a waiter of the caller's.
func (q *queue[T]) get(ctx context.Context) (T, error) {
	var zero T
	if err := q.gate.waitAndLock(ctx); err != nil {
		return zero, err
	}
	defer q.unlock()
	if q.err != nil {
		return zero, q.err
	}
	v := q.q[0]
	q.q = q.q[1:]
	return v, nil
}

func (q *queue[T]) unlock() { q.gate.unlock(q.err != nil || len(q.q) > 0) }

type Stream struct{ id int }

func (s *Stream) Close() {}

type Conn struct {
	streams queue[*Stream]
	// onFail, if set, is told why an accept failed.
	onFail func(error)
}

func NewConn() *Conn { return &Conn{streams: newQueue[*Stream]()} }

func (c *Conn) AcceptStream(ctx context.Context) (*Stream, error) {
	return c.streams.get(ctx)
}

func (c *Conn) Push(s *Stream) { c.streams.put(s) }

// fail hands err to the callback the user set.
func (c *Conn) fail(err error) {
	if c.onFail != nil {
		c.onFail(err)
	}
}

var errClosed = errors.New("closed")
