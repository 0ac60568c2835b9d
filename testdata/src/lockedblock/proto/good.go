package proto

import "sync"

// The workers do not need the lock to finish.
type quiet struct {
	mu    sync.Mutex
	wg    sync.WaitGroup
	total int
}

func (q *quiet) start(n int) {
	for i := 0; i < n; i++ {
		q.wg.Add(1)
		go func() {
			defer q.wg.Done()
			q.work()
		}()
	}
}

func (q *quiet) work() {}

func (q *quiet) Stop() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.wg.Wait()
}

// The lock is released before the wait.
type released struct {
	mu    sync.Mutex
	wg    sync.WaitGroup
	count int
}

func (r *released) start() {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		r.mu.Lock()
		r.count++
		r.mu.Unlock()
	}()
}

func (r *released) Stop() {
	r.mu.Lock()
	r.count = -1
	r.mu.Unlock()
	r.wg.Wait()
}

// A buffered channel with room: the closer's lock does not matter, the
// waiter receives what is buffered... and the lock order is the closer's
// own business.
type buffered struct {
	mu    sync.Mutex
	donec chan struct{}
	n     int
}

func newBuffered() *buffered {
	b := &buffered{donec: make(chan struct{}, 1)}
	go func() {
		b.mu.Lock()
		b.n++
		b.mu.Unlock()
		b.donec <- struct{}{}
	}()
	return b
}

func (b *buffered) wait() {
	b.mu.Lock()
	defer b.mu.Unlock()
	<-b.donec
}

// The worker locks another instance's mutex, not the waiter's.
type node struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	peer *node
	n    int
}

func (n *node) start() {
	n.wg.Add(1)
	go n.help(n.peer)
}

func (n *node) help(o *node) {
	defer n.wg.Done()
	o.mu.Lock()
	o.n++
	o.mu.Unlock()
}

func (n *node) Stop() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.wg.Wait()
}

// Read locks on both sides do not exclude each other.
type reader struct {
	mu sync.RWMutex
	wg sync.WaitGroup
	m  map[int]int
}

func (r *reader) start() {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		r.mu.RLock()
		_ = r.m[0]
		r.mu.RUnlock()
	}()
}

func (r *reader) Stop() {
	r.mu.RLock()
	defer r.mu.RUnlock()
	r.wg.Wait()
}

// The usual Cond: Wait under its own L, Signal under it too.
type usual struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
}

func newUsual() *usual {
	u := &usual{}
	u.cond = sync.NewCond(&u.mu)
	return u
}

func (u *usual) wait() {
	u.mu.Lock()
	for !u.ready {
		u.cond.Wait()
	}
	u.mu.Unlock()
}

func (u *usual) set() {
	u.mu.Lock()
	u.ready = true
	u.mu.Unlock()
	u.cond.Broadcast()
}

// An exported WaitGroup: code elsewhere may call Done without the lock.
type Exported struct {
	mu sync.Mutex
	WG sync.WaitGroup
	n  int
}

func (e *Exported) start() {
	e.WG.Add(1)
	go func() {
		defer e.WG.Done()
		e.mu.Lock()
		e.n++
		e.mu.Unlock()
	}()
}

func (e *Exported) Stop() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.WG.Wait()
}

// The worker locks a different mutex of the same value.
type twoLocks struct {
	mu, statsMu sync.Mutex
	wg          sync.WaitGroup
	n           int
}

func (t *twoLocks) start() {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		t.statsMu.Lock()
		t.n++
		t.statsMu.Unlock()
	}()
}

func (t *twoLocks) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.wg.Wait()
}

// One partner needs the lock, the other does not: it can unblock the
// waiter.
type either struct {
	mu    sync.Mutex
	ready chan struct{}
	n     int
}

func newEither() *either {
	e := &either{ready: make(chan struct{})}
	go func() {
		e.mu.Lock()
		e.n++
		e.mu.Unlock()
		e.ready <- struct{}{}
	}()
	go func() { e.ready <- struct{}{} }()
	return e
}

func (e *either) wait() {
	e.mu.Lock()
	defer e.mu.Unlock()
	<-e.ready
}

// The receiver locks only before it starts the sender: that Lock
// happens before the sender can hold the mutex (moby#17176).
type starter struct {
	mu sync.Mutex
	n  int
}

func (s *starter) run() {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
	done := make(chan bool)
	go func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		done <- true
	}()
	<-done
}

// One case of the select can complete without the mutex.
type twoWay struct {
	mu    sync.Mutex
	slow  chan struct{}
	quit  chan struct{}
	count int
}

func newTwoWay() *twoWay {
	t := &twoWay{slow: make(chan struct{}), quit: make(chan struct{})}
	go func() {
		t.mu.Lock()
		t.count++
		t.mu.Unlock()
		close(t.slow)
	}()
	return t
}

func (t *twoWay) stop() { close(t.quit) }

func (t *twoWay) wait() {
	t.mu.Lock()
	defer t.mu.Unlock()
	select {
	case <-t.slow:
	case <-t.quit:
	}
}

// Each iteration has its own mutex and channel: the Lock after the
// receive reaches the next iteration's receive only through new ones
// (sync.TestCondSignalStealing).
func handshake(n int) {
	for i := 0; i < n; i++ {
		var m sync.Mutex
		ch := make(chan struct{})
		go func() {
			m.Lock()
			ch <- struct{}{}
			m.Unlock()
		}()
		<-ch
		m.Lock()
		m.Unlock()
	}
}

// The helper that calls Done is also called without the lock: that
// goroutine can unblock the waiter.
type mixed struct {
	mu sync.Mutex
	wg sync.WaitGroup
	n  int
}

func (m *mixed) start() {
	m.wg.Add(2)
	go func() {
		m.mu.Lock()
		m.n++
		m.mu.Unlock()
		m.finish()
	}()
	go func() { m.finish() }()
}

func (m *mixed) finish() { m.wg.Done() }

func (m *mixed) flush() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.wg.Wait()
}

// The helper waits after its caller released the mutex.
type shutdown struct {
	mu     sync.Mutex
	wg     sync.WaitGroup
	closed bool
}

func (s *shutdown) start() {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.mu.Lock()
		s.closed = s.closed || false
		s.mu.Unlock()
	}()
}

func (s *shutdown) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.drain()
}

func (s *shutdown) drain() { s.wg.Wait() }

// A queue whose Put locks the Cond's Locker and releases it with a
// deferred l.Unlock(): the caller holds nothing at its Wait.
type condQueue struct {
	cond  *sync.Cond
	items []int
}

func (q *condQueue) Put(v int) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	defer q.cond.Broadcast()
	q.items = append(q.items, v)
}

func (q *condQueue) Get() int {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func putWakesGetter() int {
	q := &condQueue{cond: sync.NewCond(&sync.Mutex{})}
	var wg sync.WaitGroup
	var got int
	wg.Add(1)
	go func() {
		defer wg.Done()
		got = q.Get()
	}()
	q.Put(1)
	wg.Wait()
	return got
}

// The helper that waits is called without the mutex: the closer can
// take it.
type unlockedFlusher struct {
	mu    sync.Mutex
	n     int
	donec chan struct{}
}

func newUnlockedFlusher() *unlockedFlusher {
	f := &unlockedFlusher{donec: make(chan struct{})}
	go func() {
		f.mu.Lock()
		f.n++
		f.mu.Unlock()
		close(f.donec)
	}()
	return f
}

func (f *unlockedFlusher) Close() {
	f.mu.Lock()
	f.n = -1
	f.mu.Unlock()
	f.waitDone()
}

func (f *unlockedFlusher) waitDone() {
	<-f.donec
}

// The caller holds another value's mutex: the closer of f.donec locks
// its own f.mu, not the registry's.
type registry struct {
	mu sync.Mutex
	f  *otherFlusher
}

type otherFlusher struct {
	mu    sync.Mutex
	donec chan struct{}
}

func newOtherFlusher() *otherFlusher {
	f := &otherFlusher{donec: make(chan struct{})}
	go func() {
		f.mu.Lock()
		f.mu.Unlock()
		close(f.donec)
	}()
	return f
}

func (r *registry) drop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.f.wait()
}

func (f *otherFlusher) wait() {
	<-f.donec
}

// The watcher takes the lock of another value than the one whose stop
// channel it receives from.
type guarded struct {
	sync.Mutex
	state *guardState
}

type guardState struct {
	stop chan struct{}
}

func (s *guardState) closeWatch() {
	s.stop <- struct{}{}
}

func (g *guarded) changed() {
	g.Lock()
	defer g.Unlock()
	g.state.closeWatch()
}

func watchOther(g *guarded, stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
			g.Lock()
			g.Unlock()
		}
	}
}

func startGuarded(a, b *guarded) {
	go watchOther(a, b.state.stop)
	go b.changed()
}

// A Cond made on a struct that is a Locker by the mutex it embeds:
// Wait releases that mutex.
type discovery struct {
	c struct {
		sync.Mutex
		cond       *sync.Cond
		inProgress bool
	}
}

func newDiscovery() *discovery {
	d := &discovery{}
	d.c.cond = sync.NewCond(&d.c)
	return d
}

func (d *discovery) await() {
	d.c.Lock()
	for d.c.inProgress {
		d.c.cond.Wait()
	}
	d.c.Unlock()
}

func (d *discovery) finish() {
	d.c.Lock()
	d.c.inProgress = false
	d.c.cond.Broadcast()
	d.c.Unlock()
}
