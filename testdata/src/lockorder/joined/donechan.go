package logship

import "sync"

// Session's Close takes Session.mu then stream.mu only after
// <-s.recvDone: recvLoop, the one function that closes recvDone, does
// so deferred as it returns, and the handlers that take the other
// order run only inside it. The receive joins them.

type stream struct {
	mu    sync.Mutex
	state int
	sess  *Session
}

type Session struct {
	mu       sync.Mutex
	streams  map[int]*stream
	frames   chan int
	recvDone chan struct{}
}

func NewSession() *Session {
	s := &Session{streams: map[int]*stream{}, frames: make(chan int), recvDone: make(chan struct{})}
	go s.recv()
	return s
}

func (s *Session) recv() {
	s.recvLoop()
}

func (s *Session) recvLoop() {
	defer close(s.recvDone)
	for id := range s.frames {
		s.handle(id)
	}
}

func (s *Session) handle(id int) {
	s.mu.Lock()
	st := s.streams[id]
	s.mu.Unlock()
	if st != nil {
		st.process()
	}
}

func (st *stream) process() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.state++
	st.sess.forget(st) // locks Session.mu while stream.mu is held
}

func (s *Session) forget(st *stream) {
	s.mu.Lock()
	delete(s.streams, st.state)
	s.mu.Unlock()
}

func (s *Session) Close() {
	close(s.frames)
	<-s.recvDone
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range s.streams {
		st.mu.Lock() // not reported: the receive loop has returned
		st.state = -1
		st.mu.Unlock()
	}
}

// Conn's loop closes ready as it starts, not as it returns: the
// receive orders nothing after the loop's handlers.

type conn struct {
	mu  sync.Mutex
	srv *Conns
}

type Conns struct {
	mu    sync.Mutex
	all   []*conn
	in    chan *conn
	ready chan struct{}
}

func NewConns() *Conns {
	c := &Conns{in: make(chan *conn), ready: make(chan struct{})}
	go c.loop()
	return c
}

func (c *Conns) loop() {
	close(c.ready)
	for cn := range c.in {
		cn.touch()
	}
}

func (cn *conn) touch() {
	cn.mu.Lock()
	defer cn.mu.Unlock()
	cn.srv.mu.Lock() // want `lock order inversion: Conns.mu is locked while conn.mu is held`
	cn.srv.mu.Unlock()
}

func (c *Conns) Close() {
	<-c.ready
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, cn := range c.all {
		cn.mu.Lock()
		cn.mu.Unlock()
	}
}

// Pool's done channel is closed as its loop returns, but the handler
// that takes the other order also runs outside the loop (Flush, called
// by anyone): the receive does not join it.

type item struct {
	mu   sync.Mutex
	pool *Pool
}

type Pool struct {
	mu    sync.Mutex
	items []*item
	in    chan *item
	done  chan struct{}
}

func NewPool() *Pool {
	p := &Pool{in: make(chan *item), done: make(chan struct{})}
	go p.loop()
	return p
}

func (p *Pool) loop() {
	defer close(p.done)
	for it := range p.in {
		it.settle()
	}
}

func (p *Pool) Flush(it *item) { it.settle() }

func (it *item) settle() {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.pool.mu.Lock() // want `lock order inversion: Pool.mu is locked while item.mu is held`
	it.pool.mu.Unlock()
}

func (p *Pool) Close() {
	close(p.in)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, it := range p.items {
		it.mu.Lock()
		it.mu.Unlock()
	}
}
