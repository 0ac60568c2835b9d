// Package renew checks closes of a field that the callee fills with a
// fresh channel first: each call closes a channel of its own.
package renew

import (
	"io"
	"sync"
	"time"
)

// Adapted from blind case c3_silent_publishready: flushLocked stores a
// fresh channel in l.flushing before it closes it, so the two calls in
// Checkpoint close two different channels. Correct.
type Log struct {
	mu       sync.Mutex
	out      io.Writer
	pending  [][]byte
	flushing chan struct{}
}

func (l *Log) flushLocked() error {
	for l.flushing != nil {
		ch := l.flushing
		l.mu.Unlock()
		<-ch
		l.mu.Lock()
	}
	batch := l.pending
	l.pending = nil
	l.flushing = make(chan struct{})
	l.mu.Unlock()
	var err error
	for _, rec := range batch {
		if _, err = l.out.Write(rec); err != nil {
			break
		}
	}
	l.mu.Lock()
	close(l.flushing)
	l.flushing = nil
	return err
}

func (l *Log) Checkpoint(marker []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	err := l.flushLocked()
	l.pending = append(l.pending, marker)
	err2 := l.flushLocked()
	if err != nil {
		return err
	}
	return err2
}

// A round closes the channel it made, whichever branch made it. Correct.
type Ticker struct {
	tick chan time.Time
	buf  int
}

func (t *Ticker) round() {
	if t.buf > 0 {
		t.tick = make(chan time.Time, t.buf)
	} else {
		t.tick = make(chan time.Time)
	}
	close(t.tick)
}

func (t *Ticker) Rounds() {
	t.round()
	t.round()
}

// The renewal is in a helper the closer calls first, and the closer is
// called through another helper. Correct.
func (t *Ticker) renew() { t.tick = make(chan time.Time) }

func (t *Ticker) cycle() {
	t.renew()
	close(t.tick)
}

func (t *Ticker) outer() { t.cycle() }

func (t *Ticker) Cycles() {
	t.outer()
	t.outer()
}

// The callee sends on its own new channel after a close. Correct.
func (t *Ticker) fresh() {
	t.tick = make(chan time.Time, 1)
	t.tick <- time.Time{}
}

func (t *Ticker) CloseThenFresh() {
	close(t.tick)
	t.fresh()
}

// The channel is renewed on one path only: the second call closes the
// first call's channel when buf is 0.
func (t *Ticker) maybeRound() {
	if t.buf > 0 {
		t.tick = make(chan time.Time, t.buf)
	}
	close(t.tick)
}

func (t *Ticker) MaybeRounds() {
	t.maybeRound()
	t.maybeRound() // want `call to t.maybeRound: t.tick closed a second time`
}

// A renewal followed by a store of an older channel: not fresh.
type Pair struct {
	cur, spare chan int
}

func (p *Pair) swap() {
	p.cur = make(chan int)
	p.cur = p.spare
	close(p.cur)
}

func (p *Pair) Swaps() {
	p.swap()
	p.swap() // want `call to p.swap: p.cur closed a second time`
}

// The callee's fresh channel stays in the field: closing it again or
// sending on it after the call panics.
func (t *Ticker) RoundThenClose() {
	t.round()
	close(t.tick) // want `t.tick closed a second time`
}

func (t *Ticker) RoundThenSend() {
	t.round()
	t.tick <- time.Time{} // want `send on t.tick after it was closed`
}

// Adapted from blind case c3_bad_doublestop: halt closes p.quit and
// never replaces it, Shutdown closes it again.
type Poller struct {
	quit chan struct{}
	wg   sync.WaitGroup
}

func (p *Poller) halt() {
	close(p.quit)
	p.wg.Wait()
}

func (p *Poller) Shutdown() {
	p.halt()
	close(p.quit) // want `p.quit closed a second time`
}

// Broadcast by closing, then renewing: each notify closes the channel
// the previous one made. Correct.
type Broadcaster struct {
	mu    sync.Mutex
	ready chan struct{}
	gen   int
}

func (b *Broadcaster) notify() {
	close(b.ready)
	b.ready = make(chan struct{})
	b.gen++
}

func (b *Broadcaster) PublishTwice() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.notify()
	b.notify()
}

// A defer statement that took the channel before the first notify
// closes that channel again at the exit.
func (b *Broadcaster) NotifyAndClose() {
	defer close(b.ready) // want `b.ready closed a second time`
	b.notify()
}

// notifyMaybe renews only on one path: the second call may close the
// same channel.
func (b *Broadcaster) notifyMaybe() {
	close(b.ready)
	if b.gen > 0 {
		b.ready = make(chan struct{})
	}
}

func (b *Broadcaster) PublishMaybe() {
	b.notifyMaybe()
	b.notifyMaybe() // want `call to b.notifyMaybe: b.ready closed a second time`
}

// The helper renews on one path only, so the closer that calls it may
// close the previous channel again.
func (t *Ticker) renewMaybe() {
	if t.buf > 0 {
		t.tick = make(chan time.Time, t.buf)
	}
}

func (t *Ticker) cycleMaybe() {
	t.renewMaybe()
	close(t.tick)
}

func (t *Ticker) CyclesMaybe() {
	t.cycleMaybe()
	t.cycleMaybe() // want `call to t.cycleMaybe: t.tick closed a second time`
}

// A pool resized under its lock: the old channel is taken out of the
// field, a new one stored, the old one closed and drained into the
// new one. The sends go to the new channel.
type SlicePool struct {
	mu     sync.Mutex
	max    int
	slices chan *[]byte
}

func (p *SlicePool) Resize(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.max = n
	old := p.slices
	p.slices = make(chan *[]byte, n)
	if old == nil {
		return
	}
	close(old)
	for bs := range old {
		select {
		case p.slices <- bs:
		default:
		}
	}
}

// ResizeBack sends the first buffer back to the channel it has just
// closed.
func (p *SlicePool) ResizeBack(n int, first *[]byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	old := p.slices
	p.slices = make(chan *[]byte, n)
	close(old)
	old <- first // want `send on old after it was closed`
}

// The same notify in a loop: each run closes the channel the previous
// run made. Correct.
func (b *Broadcaster) PublishLoop(n int) {
	for i := 0; i < n; i++ {
		b.mu.Lock()
		b.notify()
		b.mu.Unlock()
	}
}

// notifyMaybe in a loop: a run that did not renew leaves the next run
// the closed channel.
func (b *Broadcaster) PublishMaybeLoop(n int) {
	for i := 0; i < n; i++ {
		b.notifyMaybe() // want `call to b.notifyMaybe: b.ready closed a second time`
	}
}

// An event broadcast that makes its first channel lazily, then closes
// and renews it under its lock; fired in a loop. Correct.
type EventBroadcast struct {
	m    sync.Mutex
	next chan struct{}
}

func (e *EventBroadcast) initLocked() {
	if e.next == nil {
		e.next = make(chan struct{})
	}
}

func (e *EventBroadcast) Waiter() <-chan struct{} {
	e.m.Lock()
	defer e.m.Unlock()
	e.initLocked()
	return e.next
}

func (e *EventBroadcast) Broadcast() {
	e.m.Lock()
	defer e.m.Unlock()
	e.initLocked()
	close(e.next)
	e.next = make(chan struct{})
}

func FireAll(e *EventBroadcast, stop func() bool) {
	for {
		e.Broadcast()
		if stop() {
			return
		}
	}
}
