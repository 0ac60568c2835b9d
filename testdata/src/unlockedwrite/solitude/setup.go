package solitude

import (
	"errors"
	"sync"
	"sync/atomic"
)

var errStarted = errors.New("already serving")

// Server's Serve can get past its started flag, tested and set under
// s.mu and never reset, once: its set-up writes come before the
// goroutine that reads the fields exists.
type Server struct {
	mu      sync.Mutex
	started bool
	conns   map[int]string
	limit   int
}

func (s *Server) Serve() error {
	s.mu.Lock()
	if s.started {
		s.mu.Unlock()
		return errStarted
	}
	s.started = true
	s.mu.Unlock()
	s.conns = make(map[int]string) // silent: set up once, before loop starts
	s.limit = 10
	go s.loop()
	return nil
}

func (s *Server) loop() {
	for i := 0; ; i++ {
		s.mu.Lock()
		if len(s.conns) < s.limit {
			s.conns[i] = "c"
		}
		s.mu.Unlock()
	}
}

func (s *Server) Add(id int, c string) {
	s.mu.Lock()
	s.conns[id] = c
	s.mu.Unlock()
}

func (s *Server) Remove(id int) {
	s.mu.Lock()
	delete(s.conns, id)
	s.mu.Unlock()
}

func (s *Server) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// Pump guards its set-up with a CompareAndSwap of a state word that
// nothing sets back.
type Pump struct {
	state atomic.Int32
	mu    sync.Mutex
	queue map[int]string
}

func (p *Pump) Run() {
	if !p.state.CompareAndSwap(0, 1) {
		return
	}
	p.queue = make(map[int]string) // silent: once, before drain starts
	go p.drain()
}

func (p *Pump) drain() {
	for {
		p.mu.Lock()
		for k := range p.queue {
			delete(p.queue, k)
		}
		p.mu.Unlock()
	}
}

func (p *Pump) Put(k int, v string) {
	p.mu.Lock()
	p.queue[k] = v
	p.mu.Unlock()
}

func (p *Pump) Size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.queue)
}

// Hub's Open has no guard: a second Open replaces the map while the
// first one's goroutine uses it.
type Hub struct {
	mu    sync.Mutex
	peers map[int]string
}

func (h *Hub) Open() {
	h.peers = make(map[int]string) // want `write to h.peers without holding h.mu`
	go h.loop()
}

func (h *Hub) loop() {
	for i := 0; ; i++ {
		h.mu.Lock()
		h.peers[i] = "p"
		h.mu.Unlock()
	}
}

func (h *Hub) Add(id int, c string) {
	h.mu.Lock()
	h.peers[id] = c
	h.mu.Unlock()
}

func (h *Hub) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.peers)
}

// Relay's Stop sets the state word back, so Run can set up again while
// the old goroutine still runs.
type Relay struct {
	state atomic.Int32
	mu    sync.Mutex
	queue map[int]string
}

func (r *Relay) Run() {
	if !r.state.CompareAndSwap(0, 1) {
		return
	}
	r.queue = make(map[int]string) // want `write to r.queue without holding r.mu`
	go r.drain()
}

func (r *Relay) Stop() { r.state.Store(0) }

func (r *Relay) drain() {
	for {
		r.mu.Lock()
		for k := range r.queue {
			delete(r.queue, k)
		}
		r.mu.Unlock()
	}
}

func (r *Relay) Put(k int, v string) {
	r.mu.Lock()
	r.queue[k] = v
	r.mu.Unlock()
}

func (r *Relay) Size() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.queue)
}

// Mux writes after its goroutine started: the flag does not help.
type Mux struct {
	mu      sync.Mutex
	started bool
	routes  map[string]int
}

func (m *Mux) Serve() error {
	m.mu.Lock()
	if m.started {
		m.mu.Unlock()
		return errStarted
	}
	m.started = true
	m.mu.Unlock()
	go m.loop()
	m.routes = make(map[string]int) // want `write to m.routes without holding m.mu`
	return nil
}

func (m *Mux) loop() {
	for {
		m.mu.Lock()
		m.routes["x"]++
		m.mu.Unlock()
	}
}

func (m *Mux) Handle(p string) {
	m.mu.Lock()
	m.routes[p] = 1
	m.mu.Unlock()
}

func (m *Mux) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.routes)
}

const (
	idle = iota
	running
	stopped
)

// Gate's state word goes idle -> running -> stopped under g.mu and
// never back to idle: Listen sets up once, before accept starts.
type Gate struct {
	mu    sync.Mutex
	state int
	subs  map[int]string
}

func (g *Gate) Listen() error {
	g.mu.Lock()
	if g.state != idle {
		g.mu.Unlock()
		return errStarted
	}
	g.state = running
	g.mu.Unlock()
	g.subs = make(map[int]string) // silent: once, before accept starts
	go g.accept()
	return nil
}

func (g *Gate) Close() {
	g.mu.Lock()
	g.state = stopped
	g.mu.Unlock()
}

func (g *Gate) accept() {
	for i := 0; ; i++ {
		g.mu.Lock()
		g.subs[i] = "s"
		g.mu.Unlock()
	}
}

func (g *Gate) Sub(id int, c string) {
	g.mu.Lock()
	g.subs[id] = c
	g.mu.Unlock()
}

func (g *Gate) Len() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.subs)
}

// Door's Close sets the state back to idle: Listen can set up again
// while the old accept goroutine runs.
type Door struct {
	mu    sync.Mutex
	state int
	subs  map[int]string
}

func (d *Door) Listen() error {
	d.mu.Lock()
	if d.state != idle {
		d.mu.Unlock()
		return errStarted
	}
	d.state = running
	d.mu.Unlock()
	d.subs = make(map[int]string) // want `write to d.subs without holding d.mu`
	go d.accept()
	return nil
}

func (d *Door) Close() {
	d.mu.Lock()
	d.state = idle
	d.mu.Unlock()
}

func (d *Door) accept() {
	for i := 0; ; i++ {
		d.mu.Lock()
		d.subs[i] = "s"
		d.mu.Unlock()
	}
}

func (d *Door) Sub(id int, c string) {
	d.mu.Lock()
	d.subs[id] = c
	d.mu.Unlock()
}

func (d *Door) Len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.subs)
}
