package ordered

import "sync"

// Opposite orders the goroutine model keeps apart: silent.

type Server struct {
	mu    sync.Mutex
	conns []*Conn
	gate  sync.Mutex
}

type Conn struct {
	mu     sync.Mutex
	server *Server
	state  int
}

// A gate lock: both orders run only under Server.gate, so only one of
// them can be between its two acquisitions.
func (s *Server) closeAll() {
	s.gate.Lock()
	defer s.gate.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.mu.Lock()
		c.state = 0
		c.mu.Unlock()
	}
}

func (c *Conn) detach() {
	c.server.gate.Lock()
	defer c.server.gate.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.server.mu.Lock()
	c.server.conns = nil
	c.server.mu.Unlock()
}

func runGated(s *Server, c *Conn) {
	go s.closeAll()
	go c.detach()
}

// Set-up before the goroutines start: register runs, with one order,
// before the go statement that starts the only goroutine running the
// other.
type Registry struct {
	mu    sync.Mutex
	items []*Item
}

type Item struct {
	mu  sync.Mutex
	reg *Registry
	n   int
}

func (r *Registry) register(it *Item) {
	r.mu.Lock()
	defer r.mu.Unlock()
	it.mu.Lock()
	it.reg = r
	it.mu.Unlock()
	r.items = append(r.items, it)
}

func (it *Item) bump() {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.n++
	it.reg.mu.Lock()
	it.reg.mu.Unlock()
}

func start(r *Registry, it *Item) {
	r.register(it)
	go it.bump()
}

// One goroutine runs both orders, one after the other: nothing else
// takes these locks.
type Loop struct {
	mu    sync.Mutex
	peer  *Peer
	ticks int
}

type Peer struct {
	mu   sync.Mutex
	loop *Loop
}

func (l *Loop) tick() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.peer.mu.Lock()
	l.peer.mu.Unlock()
}

func (p *Peer) poke() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.loop.mu.Lock()
	p.loop.mu.Unlock()
}

func (l *Loop) run() {
	l.tick()
	l.peer.poke()
}

func startLoop(l *Loop) {
	go l.run()
}

// A gate lock held by every caller of the helper that takes the
// second lock (etcd's batchTx: commit runs under it, as defrag does).
type Backend struct {
	mu    sync.Mutex
	batch sync.Mutex
	read  sync.Mutex
	n     int
}

func (b *Backend) defrag() {
	b.batch.Lock()
	defer b.batch.Unlock()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.read.Lock()
	b.n = 0
	b.read.Unlock()
}

func (b *Backend) commit() { // called with b.batch held
	b.read.Lock()
	defer b.read.Unlock()
	b.mu.Lock()
	b.n++
	b.mu.Unlock()
}

func (b *Backend) commitAndStop() {
	b.batch.Lock()
	b.commit()
	b.batch.Unlock()
}

func runBackend(b *Backend) {
	go b.defrag()
	go b.commitAndStop()
}
