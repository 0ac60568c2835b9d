// Package flags covers assertions at the start of a task goroutine
// over a flag of the object it serves: silent where every go statement
// keeps the flag clear, reported where something can set it first.
package flags

import "sync"

type stream struct {
	id      int
	closing bool
	donec   chan struct{}
}

// Streams are started fresh (a literal that never sets closing) or
// resumed by a loop that skips the closing ones; serve asserts the
// flag before anything else (etcd's serveSubstream): silent.
type Watcher struct {
	mu       sync.Mutex
	wg       sync.WaitGroup
	resuming []*stream
	reqc     chan int
}

func (w *Watcher) run() {
	for id := range w.reqc {
		s := &stream{id: id}
		s.donec = make(chan struct{})
		w.wg.Add(1)
		go w.serve(s)
		w.resuming = append(w.resuming, s)
	}
	for _, s := range w.resuming {
		if s.closing {
			continue
		}
		s.donec = make(chan struct{})
		w.wg.Add(1)
		go w.serve(s)
	}
	w.wg.Wait()
}

func (w *Watcher) serve(s *stream) {
	if s.closing {
		panic("started a stream that is closing")
	}
	defer func() {
		s.closing = true
		close(s.donec)
		w.wg.Done()
	}()
}

// The resume loop checks the flag, then calls a helper that may set
// it before the go statement: reported.
type LateWatcher struct {
	wg       sync.WaitGroup
	resuming []*stream
	limit    int
}

func (w *LateWatcher) resume() {
	for _, s := range w.resuming {
		if s.closing {
			continue
		}
		w.expire(s)
		w.wg.Add(1)
		go w.serve(s)
	}
	w.wg.Wait()
}

func (w *LateWatcher) expire(s *stream) {
	if s.id > w.limit {
		s.closing = true
	}
}

func (w *LateWatcher) serve(s *stream) {
	defer w.wg.Done()
	if s.closing {
		panic("started a stream that is closing") // want `panic in a goroutine started per task crashes the whole program`
	}
}

// The goroutine takes the lock before it tests the flag, and Close
// sets it under that lock: Close can run between the start and the
// test: reported.
type Conns struct {
	mu    sync.Mutex
	wg    sync.WaitGroup
	conns []*conn
}

type conn struct {
	closed  bool
	claimed bool
}

func (c *Conns) Close(x *conn) {
	c.mu.Lock()
	x.closed = true
	c.mu.Unlock()
}

func (c *Conns) serveAll() {
	c.mu.Lock()
	for _, x := range c.conns {
		if x.closed {
			continue
		}
		c.wg.Add(1)
		go c.serve(x)
	}
	c.mu.Unlock()
	c.wg.Wait()
}

func (c *Conns) serve(x *conn) {
	defer c.wg.Done()
	c.mu.Lock()
	defer c.mu.Unlock()
	if x.closed {
		panic("serving a closed conn") // want `panic in a goroutine started per task crashes the whole program`
	}
}

type session struct {
	reaping bool
	expired bool
}

// Only expire sets expired, after its test, and Sweep claims each
// session under mu (reaping, never cleared) before it starts expire on
// it: one expire per session, the assertion cannot fire: silent.
type Store struct {
	mu       sync.Mutex
	wg       sync.WaitGroup
	sessions map[string]*session
}

func (st *Store) Sweep() {
	st.mu.Lock()
	for _, s := range st.sessions {
		if s.reaping || s.expired {
			continue
		}
		s.reaping = true
		st.wg.Add(1)
		go st.expire(s)
	}
	st.mu.Unlock()
	st.wg.Wait()
}

func (st *Store) expire(s *session) {
	defer st.wg.Done()
	st.mu.Lock()
	defer st.mu.Unlock()
	if s.expired {
		panic("session expired twice")
	}
	s.expired = true
}

// Without the claim, two Sweeps start two expires on one session, and
// the second finds expired set: reported.
type looseSession struct{ expired bool }

type LooseStore struct {
	mu       sync.Mutex
	wg       sync.WaitGroup
	sessions map[string]*looseSession
}

func (st *LooseStore) Sweep() {
	st.mu.Lock()
	for _, s := range st.sessions {
		if s.expired {
			continue
		}
		st.wg.Add(1)
		go st.expire(s)
	}
	st.mu.Unlock()
	st.wg.Wait()
}

func (st *LooseStore) expire(s *looseSession) {
	defer st.wg.Done()
	st.mu.Lock()
	defer st.mu.Unlock()
	if s.expired {
		panic("session expired twice") // want `panic in a goroutine started per task crashes the whole program`
	}
	s.expired = true
}

// Registry hands streams to Kill through streams, under mu.
type Registry struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	streams map[int]*stream
	ready   chan struct{}
	count   int
}

func (r *Registry) Kill(id int) {
	r.mu.Lock()
	if s := r.streams[id]; s != nil {
		s.closing = true
	}
	r.mu.Unlock()
}

// A fresh stream that no other goroutine can reach before the go
// statement: the lock taken in between cannot bring a write of its
// flag (etcd's watch_test): silent.
func (r *Registry) StartPrivate(ids []int) {
	for _, id := range ids {
		s := &stream{id: id}
		r.mu.Lock()
		r.count++
		r.mu.Unlock()
		r.wg.Add(1)
		go r.servePrivate(s)
	}
	r.wg.Wait()
}

func (r *Registry) servePrivate(s *stream) {
	defer r.wg.Done()
	if s.closing {
		panic("started a stream that is closing")
	}
}

// The fresh stream is published in streams, and the starter waits on
// ready before the go statement: a Kill in between sets the flag:
// reported.
func (r *Registry) StartPublished(ids []int) {
	for _, id := range ids {
		s := &stream{id: id}
		r.mu.Lock()
		r.streams[id] = s
		r.mu.Unlock()
		<-r.ready
		r.wg.Add(1)
		go r.servePublished(s)
	}
	r.wg.Wait()
}

func (r *Registry) servePublished(s *stream) {
	defer r.wg.Done()
	if s.closing {
		panic("started a stream that is closing") // want `panic in a goroutine started per task crashes the whole program`
	}
}

type linked struct {
	reaping bool
	expired bool
	next    *linked
}

// expire also sets the flag of the next session, which an expire
// started on it earlier may not have tested yet: reported.
type ChainStore struct {
	mu       sync.Mutex
	wg       sync.WaitGroup
	sessions map[string]*linked
}

func (st *ChainStore) Sweep() {
	st.mu.Lock()
	for _, s := range st.sessions {
		if s.reaping || s.expired {
			continue
		}
		s.reaping = true
		st.wg.Add(1)
		go st.expire(s)
	}
	st.mu.Unlock()
	st.wg.Wait()
}

func (st *ChainStore) expire(s *linked) {
	defer st.wg.Done()
	st.mu.Lock()
	defer st.mu.Unlock()
	if s.expired {
		panic("session expired twice") // want `panic in a goroutine started per task crashes the whole program`
	}
	s.expired = true
	if s.next != nil {
		s.next.expired = true
	}
}
