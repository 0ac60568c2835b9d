// Package flag covers closes requested through a context's cancel or
// a closer object while the senders send only under a mutex, after
// checking a flag that the requester sets under that mutex.
package flag

import (
	"context"
	"sync"
	"sync/atomic"
)

type Event struct{ Data []byte }

// Stop sets stopped and cancels run's context while holding mu, the
// lock Publish holds while it checks stopped and sends; run closes
// events only once the context is done (blind case
// c5_silent_hubdrain): silent.
type Hub struct {
	mu      sync.Mutex
	stopped bool
	events  chan Event
	deliver func(Event)
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func NewHub(buf int, deliver func(Event)) *Hub {
	ctx, cancel := context.WithCancel(context.Background())
	h := &Hub{events: make(chan Event, buf), deliver: deliver, cancel: cancel}
	h.wg.Add(1)
	go h.run(ctx)
	return h
}

func (h *Hub) Publish(e Event) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return false
	}
	select {
	case h.events <- e:
		return true
	default:
		return false
	}
}

func (h *Hub) run(ctx context.Context) {
	defer h.wg.Done()
	for {
		select {
		case e := <-h.events:
			h.deliver(e)
		case <-ctx.Done():
			close(h.events)
			for e := range h.events {
				h.deliver(e)
			}
			return
		}
	}
}

func (h *Hub) Stop() {
	h.mu.Lock()
	h.stopped = true
	h.cancel()
	h.mu.Unlock()
	h.wg.Wait()
}

// The same hub on a context its caller owns: the caller may cancel it
// before Stop sets stopped, and a Publish then sends after the close.
type ParentHub struct {
	mu      sync.Mutex
	stopped bool
	events  chan Event
	cancel  context.CancelFunc
}

func NewParentHub(parent context.Context) *ParentHub {
	ctx, cancel := context.WithCancel(parent)
	h := &ParentHub{events: make(chan Event, 8), cancel: cancel}
	go h.run(ctx)
	return h
}

func (h *ParentHub) Publish(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return
	}
	h.events <- e
}

func (h *ParentHub) run(ctx context.Context) {
	for {
		select {
		case <-h.events:
		case <-ctx.Done():
			close(h.events) // want `h.events closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (h *ParentHub) Stop() {
	h.mu.Lock()
	h.stopped = true
	h.cancel()
	h.mu.Unlock()
}

// closer lets one goroutine ask another to stop and wait until it
// has. Its methods are exported but its type is not, and no value of
// it becomes an interface: every call is seen.
type closer struct {
	once sync.Once
	quit chan struct{}
	wg   sync.WaitGroup
}

func newCloser(n int) *closer {
	c := &closer{quit: make(chan struct{})}
	c.wg.Add(n)
	return c
}

func (c *closer) Signal()                        { c.once.Do(func() { close(c.quit) }) }
func (c *closer) HasBeenClosed() <-chan struct{} { return c.quit }
func (c *closer) Done()                          { c.wg.Done() }
func (c *closer) SignalAndWait()                 { c.Signal(); c.wg.Wait() }

// Close sets closing under mu, then signals the drain loop through the
// closer and waits: every Push either ran before, or finds closing
// set. Silent.
type Queue struct {
	mu      sync.Mutex
	closing bool
	in      chan []byte
	sink    func([]byte)
	cl      *closer
}

func NewQueue(sink func([]byte)) *Queue {
	q := &Queue{in: make(chan []byte, 64), sink: sink, cl: newCloser(1)}
	go q.drain()
	return q
}

func (q *Queue) Push(b []byte) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closing {
		return false
	}
	select {
	case q.in <- b:
		return true
	default:
		return false
	}
}

func (q *Queue) drain() {
	defer q.cl.Done()
	for {
		select {
		case b := <-q.in:
			q.sink(b)
		case <-q.cl.HasBeenClosed():
			close(q.in)
			for b := range q.in {
				q.sink(b)
			}
			return
		}
	}
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closing = true
	q.mu.Unlock()
	q.cl.SignalAndWait()
}

// lateCloser is closer again, with a Once as in the blind case. A
// closer type shared by a correct and a wrong owner would make both
// reported: its quit field is one channel to the model.
type lateCloser struct {
	once sync.Once
	quit chan struct{}
	wg   sync.WaitGroup
}

func newLateCloser(n int) *lateCloser {
	c := &lateCloser{quit: make(chan struct{})}
	c.wg.Add(n)
	return c
}

func (c *lateCloser) Signal()                        { c.once.Do(func() { close(c.quit) }) }
func (c *lateCloser) HasBeenClosed() <-chan struct{} { return c.quit }
func (c *lateCloser) Done()                          { c.wg.Done() }
func (c *lateCloser) SignalAndWait()                 { c.Signal(); c.wg.Wait() }

// LateQueue requests the close before it sets closing (blind case
// c5_bad_flagafter): a Push that takes mu in between still finds the
// queue open and sends on the closed channel.
type LateQueue struct {
	mu      sync.Mutex
	closing bool
	in      chan []byte
	sink    func([]byte)
	cl      *lateCloser
}

func NewLateQueue(sink func([]byte)) *LateQueue {
	q := &LateQueue{in: make(chan []byte, 64), sink: sink, cl: newLateCloser(1)}
	go q.drain()
	return q
}

func (q *LateQueue) Push(b []byte) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closing {
		return false
	}
	select {
	case q.in <- b:
		return true
	default:
		return false
	}
}

func (q *LateQueue) drain() {
	defer q.cl.Done()
	for {
		select {
		case b := <-q.in:
			q.sink(b)
		case <-q.cl.HasBeenClosed():
			close(q.in) // want `q.in closed by its receiver while another goroutine sends on it`
			for b := range q.in {
				q.sink(b)
			}
			return
		}
	}
}

func (q *LateQueue) Close() {
	q.cl.SignalAndWait()
	q.mu.Lock()
	q.closing = true
	q.mu.Unlock()
}

// The senders hold the lock but never check the flag: a Send after
// Stop's critical section still sends.
type Unchecked struct {
	mu      sync.Mutex
	stopped bool
	out     chan int
	quit    chan struct{}
}

func NewUnchecked() *Unchecked {
	u := &Unchecked{out: make(chan int, 1), quit: make(chan struct{})}
	go u.loop()
	return u
}

func (u *Unchecked) Send(v int) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.out <- v
}

func (u *Unchecked) loop() {
	for {
		select {
		case <-u.out:
		case <-u.quit:
			close(u.out) // want `u.out closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (u *Unchecked) Stop() {
	u.mu.Lock()
	u.stopped = true
	close(u.quit)
	u.mu.Unlock()
}

// The context lives in a field and Publish asks a helper whether the
// bus is stopped: the same order as Hub. Silent.
type Bus struct {
	mu      sync.Mutex
	stopped bool
	ctx     context.Context
	cancel  context.CancelFunc
	events  chan Event
}

func NewBus() *Bus {
	ctx, cancel := context.WithCancel(context.Background())
	b := &Bus{ctx: ctx, cancel: cancel, events: make(chan Event, 8)}
	go b.run()
	return b
}

func (b *Bus) isStopped() bool { return b.stopped }

func (b *Bus) Publish(e Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.isStopped() {
		return
	}
	b.events <- e
}

func (b *Bus) run() {
	for {
		select {
		case <-b.events:
		case <-b.ctx.Done():
			close(b.events)
			return
		}
	}
}

func (b *Bus) Stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.stopped = true
	b.cancel()
}

// The flag is atomic, still set and checked under the lock: silent.
// Stop cancels before it sets the flag, but inside the same critical
// section.
type AtomicHub struct {
	mu      sync.Mutex
	stopped atomic.Bool
	events  chan Event
	quit    chan struct{}
}

func NewAtomicHub() *AtomicHub {
	h := &AtomicHub{events: make(chan Event, 8), quit: make(chan struct{})}
	go h.run()
	return h
}

func (h *AtomicHub) Publish(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped.Load() {
		return
	}
	h.events <- e
}

func (h *AtomicHub) run() {
	for {
		select {
		case <-h.events:
		case <-h.quit:
			close(h.events)
			return
		}
	}
}

func (h *AtomicHub) Stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	close(h.quit)
	h.stopped.Store(true)
}

// Stop cancels the context kept in a field before it takes the lock:
// a Publish between the two sends after the close.
type EarlyBus struct {
	mu      sync.Mutex
	stopped bool
	ctx     context.Context
	cancel  context.CancelFunc
	events  chan Event
}

func NewEarlyBus() *EarlyBus {
	ctx, cancel := context.WithCancel(context.Background())
	b := &EarlyBus{ctx: ctx, cancel: cancel, events: make(chan Event, 8)}
	go b.run()
	return b
}

func (b *EarlyBus) Publish(e Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopped {
		return
	}
	b.events <- e
}

func (b *EarlyBus) run() {
	for {
		select {
		case <-b.events:
		case <-b.ctx.Done():
			close(b.events) // want `b.events closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (b *EarlyBus) Stop() {
	b.cancel()
	b.mu.Lock()
	b.stopped = true
	b.mu.Unlock()
}

// Publish tests stopped but sends on both branches: the flag guards
// nothing.
type LogHub struct {
	mu      sync.Mutex
	stopped bool
	events  chan Event
	quit    chan struct{}
	log     func(string)
}

func NewLogHub() *LogHub {
	h := &LogHub{events: make(chan Event, 8), quit: make(chan struct{})}
	go h.run()
	return h
}

func (h *LogHub) Publish(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		h.log("publish after stop")
	}
	h.events <- e
}

func (h *LogHub) run() {
	for {
		select {
		case <-h.events:
		case <-h.quit:
			close(h.events) // want `h.events closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (h *LogHub) Stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stopped = true
	close(h.quit)
}

// Reopen clears stopped again: a Publish after it sends on the closed
// channel.
type ReopenHub struct {
	mu      sync.Mutex
	stopped bool
	events  chan Event
	quit    chan struct{}
}

func NewReopenHub() *ReopenHub {
	h := &ReopenHub{events: make(chan Event, 8), quit: make(chan struct{})}
	go h.run()
	return h
}

func (h *ReopenHub) Publish(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return
	}
	h.events <- e
}

func (h *ReopenHub) run() {
	for {
		select {
		case <-h.events:
		case <-h.quit:
			close(h.events) // want `h.events closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

func (h *ReopenHub) Stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stopped = true
	close(h.quit)
}

func (h *ReopenHub) Reopen() {
	h.mu.Lock()
	h.stopped = false
	h.mu.Unlock()
}
