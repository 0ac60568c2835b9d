// A send after a call that, once the test stops listening, can only
// panic or block for ever cannot run, so it cannot block: silent. The
// same send after a call something lets return normally blocks for
// good: reported.
package stopped

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A bounded queue: Push waits while it is full and panics once it is
// closed.
type Queue struct {
	mu      sync.Mutex
	notFull *sync.Cond
	items   []int
	limit   int
	closed  bool
}

func NewQueue(limit int) *Queue {
	q := &Queue{limit: limit}
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.limit && !q.closed {
		q.notFull.Wait()
	}
	if q.closed {
		panic("push on closed queue")
	}
	q.items = append(q.items, v)
}

func (q *Queue) Pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v
}

func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.notFull.Broadcast()
}

// Nothing pops; Close leaves Push only its panic: the send never runs.
func TestPushBlocks(t *testing.T) {
	q := NewQueue(1)
	q.Push(1)
	returned := make(chan struct{})
	go func() {
		defer func() { recover() }()
		q.Push(2)
		returned <- struct{}{}
	}()
	select {
	case <-returned:
		t.Fatal("Push on a full queue returned")
	case <-time.After(10 * time.Millisecond):
	}
	if q.Len() != 1 {
		t.Fatal("lost an item")
	}
	q.Close()
}

// The test pops after it stops listening: Push returns and the send
// blocks for ever.
func TestPushThenPop(t *testing.T) {
	q := NewQueue(1)
	q.Push(1)
	pushed := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel pushed blocks forever once the receiver returns without receiving`
	go func() {
		defer func() { recover() }()
		q.Push(2)
		pushed <- struct{}{}
	}()
	select {
	case <-pushed:
		t.Fatal("Push on a full queue returned")
	case <-time.After(10 * time.Millisecond):
	}
	q.Pop()
	q.Close()
}

// The receive is the test's success: nothing says Push is still
// blocked when the test stops listening.
func TestPushResumes(t *testing.T) {
	q := NewQueue(1)
	q.Push(1)
	resumed := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel resumed blocks forever once the receiver returns without receiving`
	go func() {
		defer func() { recover() }()
		q.Push(2)
		resumed <- struct{}{}
	}()
	select {
	case <-resumed:
	case <-time.After(10 * time.Millisecond):
	}
	q.Close()
}

// A queue that can be reopened: its flag is not set for good.
type Reopenable struct {
	mu      sync.Mutex
	notFull *sync.Cond
	items   []int
	closed  bool
}

func (r *Reopenable) Push(v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.items) == 1 && !r.closed {
		r.notFull.Wait()
	}
	if r.closed {
		panic("push on closed queue")
	}
	r.items = append(r.items, v)
}

func (r *Reopenable) Close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.notFull.Broadcast()
}

func (r *Reopenable) Reopen() {
	r.mu.Lock()
	r.closed = false
	r.items = nil
	r.mu.Unlock()
	r.notFull.Broadcast()
}

func TestReopen(t *testing.T) {
	r := &Reopenable{}
	r.notFull = sync.NewCond(&r.mu)
	r.Push(1)
	done := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel done blocks forever`
	go func() {
		defer func() { recover() }()
		r.Push(2)
		done <- struct{}{}
	}()
	select {
	case <-done:
		t.Fatal("Push returned")
	case <-time.After(10 * time.Millisecond):
	}
	r.Close()
}

// A gate of slots: Enter waits for a slot and panics once the gate is
// shut.
type Gate struct {
	slots    chan struct{}
	shut     chan struct{}
	shutOnce sync.Once
}

func NewGate(n int) *Gate {
	return &Gate{slots: make(chan struct{}, n), shut: make(chan struct{})}
}

func (g *Gate) Enter() {
	select {
	case g.slots <- struct{}{}:
	case <-g.shut:
		panic("enter after shutdown")
	}
}

func (g *Gate) Leave() { <-g.slots }

func (g *Gate) Shutdown() { g.shutOnce.Do(func() { close(g.shut) }) }

// Nothing leaves; Shutdown leaves Enter only its panic.
func TestEnterWaits(t *testing.T) {
	g := NewGate(1)
	t.Cleanup(g.Shutdown)
	g.Enter()
	admitted := make(chan struct{})
	go func() {
		defer func() { _ = recover() }()
		g.Enter()
		admitted <- struct{}{}
	}()
	select {
	case <-admitted:
		t.Fatal("Enter returned while the slot was held")
	case <-time.After(10 * time.Millisecond):
	}
}

// The cleanup frees the slot: Enter returns, the send blocks.
func TestEnterThenLeave(t *testing.T) {
	g := NewGate(1)
	g.Enter()
	t.Cleanup(func() { g.Leave() })
	admitted := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel admitted blocks forever`
	go func() {
		defer func() { _ = recover() }()
		g.Enter()
		admitted <- struct{}{}
	}()
	select {
	case <-admitted:
		t.Fatal("Enter returned while the slot was held")
	case <-time.After(10 * time.Millisecond):
	}
}

var errStopped = errors.New("stopped")

// A mailbox whose put reports a stop as an error, and an actor that
// panics on it.
type mailbox struct {
	mu      sync.Mutex
	changed *sync.Cond
	msgs    []int
	closed  bool
}

func (mb *mailbox) put(m int) error {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	for len(mb.msgs) >= 1 && !mb.closed {
		mb.changed.Wait()
	}
	if mb.closed {
		return errStopped
	}
	mb.msgs = append(mb.msgs, m)
	return nil
}

// putQuiet drops the message once the box is closed: it returns.
func (mb *mailbox) putQuiet(m int) error {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	for len(mb.msgs) >= 1 && !mb.closed {
		mb.changed.Wait()
	}
	if mb.closed {
		return nil
	}
	mb.msgs = append(mb.msgs, m)
	return nil
}

func (mb *mailbox) close() {
	mb.mu.Lock()
	mb.closed = true
	mb.mu.Unlock()
	mb.changed.Broadcast()
}

type Actor struct{ box *mailbox }

func NewActor() *Actor {
	mb := &mailbox{}
	mb.changed = sync.NewCond(&mb.mu)
	return &Actor{box: mb}
}

func (a *Actor) Tell(m int) {
	if err := a.box.put(m); err != nil {
		panic(err)
	}
}

func (a *Actor) TellQuiet(m int) {
	if err := a.box.putQuiet(m); err != nil {
		panic(err)
	}
}

func (a *Actor) Stop() { a.box.close() }

// Tell can only panic once Stop ran: silent.
func TestTellBlocks(t *testing.T) {
	a := NewActor()
	t.Cleanup(a.Stop)
	a.Tell(1)
	delivered := make(chan struct{})
	go func() {
		defer func() { _ = recover() }()
		a.Tell(2)
		delivered <- struct{}{}
	}()
	select {
	case <-delivered:
		t.Fatal("Tell returned although nobody drains the mailbox")
	case <-time.After(10 * time.Millisecond):
	}
}

// TellQuiet returns normally once Stop ran: the send blocks for ever.
func TestTellQuietBlocks(t *testing.T) {
	a := NewActor()
	t.Cleanup(a.Stop)
	a.TellQuiet(1)
	delivered := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel delivered blocks forever`
	go func() {
		defer func() { _ = recover() }()
		a.TellQuiet(2)
		delivered <- struct{}{}
	}()
	select {
	case <-delivered:
		t.Fatal("Tell returned although nobody drains the mailbox")
	case <-time.After(10 * time.Millisecond):
	}
}

var current *Queue

// The queue is handed on: code the test does not show may pop.
func TestPushShared(t *testing.T) {
	q := NewQueue(1)
	current = q
	q.Push(1)
	returned := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel returned blocks forever`
	go func() {
		defer func() { recover() }()
		q.Push(2)
		returned <- struct{}{}
	}()
	select {
	case <-returned:
		t.Fatal("Push on a full queue returned")
	case <-time.After(10 * time.Millisecond):
	}
	q.Close()
}

func (q *Queue) startDraining() {
	go func() {
		for q.Pop() >= 0 {
		}
	}()
}

// A goroutine of the queue's own may pop, and let Push return.
func TestPushDrained(t *testing.T) {
	q := NewQueue(1)
	q.startDraining()
	q.Push(1)
	returned := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel returned blocks forever`
	go func() {
		defer func() { recover() }()
		q.Push(2)
		returned <- struct{}{}
	}()
	select {
	case <-returned:
		t.Fatal("Push returned too early")
	case <-time.After(10 * time.Millisecond):
	}
	q.Close()
}

// The queue is closed before the goroutine starts and nothing reopens
// it: Push can only panic, the send never runs.
func TestPushAfterClose(t *testing.T) {
	q := NewQueue(4)
	q.Close()
	pushed := make(chan struct{})
	go func() {
		defer func() { recover() }()
		q.Push(1)
		pushed <- struct{}{}
	}()
	select {
	case <-pushed:
		t.Fatal("Push on a closed queue returned")
	case <-time.After(10 * time.Millisecond):
	}
}

// Closed on one path only: Push may return and the send block.
func TestPushAfterMaybeClose(t *testing.T) {
	q := NewQueue(4)
	if testing.Short() {
		q.Close()
	}
	pushed := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel pushed blocks forever`
	go func() {
		defer func() { recover() }()
		q.Push(1)
		pushed <- struct{}{}
	}()
	select {
	case <-pushed:
		t.Fatal("Push on a closed queue returned")
	case <-time.After(10 * time.Millisecond):
	}
}

// Reopen clears the flag Close set: Push may return.
func TestPushAfterCloseReopened(t *testing.T) {
	r := &Reopenable{}
	r.Close()
	pushed := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel pushed blocks forever`
	go func() {
		defer func() { recover() }()
		r.Push(1)
		pushed <- struct{}{}
	}()
	select {
	case <-pushed:
		t.Fatal("Push on a closed queue returned")
	case <-time.After(10 * time.Millisecond):
	}
}

// A buffer pool whose Put calls a method of another package: that
// method cannot touch the pool, so it wakes nothing and starts nothing.
type BufPool struct {
	mu     sync.Mutex
	free   []*strings.Builder
	closed bool
}

func (p *BufPool) Get() *strings.Builder {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		panic("get on closed pool")
	}
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b
	}
	return new(strings.Builder)
}

func (p *BufPool) Put(b *strings.Builder) {
	b.Reset()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		p.free = append(p.free, b)
	}
}

func (p *BufPool) Close() {
	p.mu.Lock()
	p.closed = true
	p.free = nil
	p.mu.Unlock()
}

// Used, then closed before the goroutine starts: Get can only panic.
func TestGetAfterClose(t *testing.T) {
	p := &BufPool{}
	p.Put(p.Get())
	p.Close()
	handed := make(chan *strings.Builder)
	go func() {
		defer func() { recover() }()
		b := p.Get()
		handed <- b
	}()
	select {
	case <-handed:
		t.Fatal("Get on a closed pool returned")
	case <-time.After(10 * time.Millisecond):
	}
}

// A pool closed by an atomic flag, set once through sync.Once.
type AtomicPool struct {
	free   chan []byte
	closed atomic.Bool
	once   sync.Once
}

func (p *AtomicPool) Get() []byte {
	if p.closed.Load() {
		panic("get on closed pool")
	}
	return <-p.free
}

func (p *AtomicPool) Close() { p.once.Do(func() { p.closed.Store(true) }) }

// Closed before the goroutine starts: Get can only panic.
func TestAtomicGetAfterClose(t *testing.T) {
	p := &AtomicPool{free: make(chan []byte, 1)}
	p.Close()
	got := make(chan struct{})
	go func() {
		defer func() { recover() }()
		p.Get()
		got <- struct{}{}
	}()
	select {
	case <-got:
		t.Fatal("Get on a closed pool returned")
	case <-time.After(10 * time.Millisecond):
	}
}

// A pool whose flag Reset clears: Close is not for good.
type ResettablePool struct {
	free   chan []byte
	closed atomic.Bool
}

func (p *ResettablePool) Get() []byte {
	if p.closed.Load() {
		panic("get on closed pool")
	}
	return <-p.free
}

func (p *ResettablePool) Close() { p.closed.Store(true) }

func (p *ResettablePool) Reset() { p.closed.Store(false) }

// Reopened before the goroutine starts: Get returns the buffer and the
// send blocks once the test has stopped listening.
func TestResettableGetAfterClose(t *testing.T) {
	p := &ResettablePool{free: make(chan []byte, 1)}
	p.free <- make([]byte, 8)
	p.Close()
	p.Reset()
	got := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel got blocks forever`
	go func() {
		defer func() { recover() }()
		p.Get()
		got <- struct{}{}
	}()
	select {
	case <-got:
		t.Fatal("Get on a closed pool returned")
	case <-time.After(10 * time.Millisecond):
	}
}
