// Package gates: locks made of channels, whose release (or, for a
// semaphore, whose acquire) is a send that tells nobody anything, and
// near misses whose send hands something over.
package gates

import "context"

// gate is x/net/quic's shape: the token sits in set or in unset; lock
// takes it from either, unlock puts it back into one of them.
type gate struct {
	set   chan struct{}
	unset chan struct{}
}

func newLockedGate() gate {
	return gate{set: make(chan struct{}, 1), unset: make(chan struct{}, 1)}
}

func newGate() gate {
	g := newLockedGate()
	g.unlock(false) // the first fill of a gate nobody has yet
	return g
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

type queue struct {
	gate gate
	q    []int
}

func (q *queue) put(v int) {
	q.gate.lock()
	defer q.unlock()
	q.q = append(q.q, v)
}

func (q *queue) get(ctx context.Context) (int, error) {
	if err := q.gate.waitAndLock(ctx); err != nil {
		return 0, err
	}
	defer q.unlock()
	v := q.q[0]
	q.q = q.q[1:]
	return v, nil
}

func (q *queue) unlock() { q.gate.unlock(len(q.q) > 0) }

// sem is a semaphore of one slot: acquire sends, release receives.
type counter struct {
	sem chan struct{}
	n   int
}

func newCounter() *counter { return &counter{sem: make(chan struct{}, 1)} }

func (c *counter) incr() {
	c.sem <- struct{}{}
	defer func() { <-c.sem }()
	c.n++
}

func (c *counter) acquire() { c.sem <- struct{}{} }
func (c *counter) release() { <-c.sem }

func (c *counter) add(k int) {
	c.acquire()
	c.n += k
	c.release()
}

// Near misses.

// A buffered channel a goroutine fills without holding its token
// hands a result over.
type result struct{ ch chan int }

func (r *result) deliver(v int) { r.ch <- v } // want "signals"

func (r *result) wait() int { return <-r.ch }

func newResult() *result { // want "signals"
	r := &result{ch: make(chan int, 1)}
	go r.deliver(1)
	return r
}

// A turnstile made locked: the worker's release is the only thing the
// waiter waits for, a hand-over.
type turnstile struct{ tok chan struct{} }

func (t *turnstile) enter() { <-t.tok }
func (t *turnstile) leave() { t.tok <- struct{}{} } // want "signals"

func runTurnstile(work func()) { // want "signals"
	t := &turnstile{tok: make(chan struct{}, 1)}
	go func() { // want "signals"
		defer t.leave()
		work()
	}()
	t.enter()
}

// An unbuffered channel is no lock: each send meets a receive of
// another goroutine.
type pingpong struct{ ch chan int }

func newPingPong() *pingpong { return &pingpong{ch: make(chan int)} }

func (p *pingpong) volley(v int) int { // want "signals"
	p.ch <- v
	return <-p.ch
}

// A gate that is also closed tells its waiters that it is closed.
type door struct{ tok chan struct{} }

func newDoor() *door { // want "signals"
	d := &door{tok: make(chan struct{}, 1)}
	d.tok <- struct{}{}
	return d
}

func (d *door) use() { // want "signals"
	<-d.tok
	d.tok <- struct{}{}
}

func (d *door) shut() { close(d.tok) } // want "signals"

// A channel some send reaches through a helper handed the channel is a
// lock only if that send holds it where the helper is called: hand
// fills it without taking it first, so pass's send is no release.
type relay struct{ ch chan int }

func newRelay() *relay { return &relay{ch: make(chan int, 1)} }

func push(c chan int, v int) { c <- v } // want "signals"

func (r *relay) pass(v int) { // want "signals"
	<-r.ch
	r.ch <- v
}

func (r *relay) hand(v int) { push(r.ch, v) } // want "signals"

// A call that takes and releases the lock itself leaves it released:
// refill's send after it holds nothing, so tok is no lock and each of
// its sends may tell someone something.
type twice struct{ tok chan struct{} }

func newTwice() *twice { // want "signals"
	t := &twice{tok: make(chan struct{}, 1)}
	t.tok <- struct{}{}
	return t
}

func (t *twice) use() { // want "signals"
	<-t.tok
	t.tok <- struct{}{}
}

func (t *twice) refill() { // want "signals"
	t.use()
	t.tok <- struct{}{}
}

// A stream made with its gates locked: its maker releases them, one
// call after the other, before anyone else has it (x/net/quic's
// newLocalStream, whose stream a closure captures later).
type stream struct{ in, out gate }

func newStream() *stream { return &stream{in: newLockedGate(), out: newLockedGate()} }

func (s *stream) inUnlock()  { s.in.unlock(false) }
func (s *stream) outUnlock() { s.out.unlock(true) }

func (s *stream) read() {
	s.in.lock()
	defer s.inUnlock()
}

func openStream() *stream {
	s := newStream()
	s.inUnlock()
	s.outUnlock()
	get := func() *stream { return s }
	return get()
}
