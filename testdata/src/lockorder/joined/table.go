package logship

import "sync"

// Link's receive loop reaches its handlers through a dispatch table
// the package initialiser fills and nothing else writes: the calls
// through the table are the handlers' only callers, so they run only
// inside readLoop, whose deferred close of readDone Close waits for.

type peer struct {
	mu   sync.Mutex
	link *Link
}

type Link struct {
	mu       sync.Mutex
	peers    []*peer
	msgs     chan int
	readDone chan struct{}
}

var linkHandlers = []func(*Link, int){
	0: (*Link).onPing,
	1: (*Link).onData,
}

func NewLink() *Link {
	l := &Link{msgs: make(chan int), readDone: make(chan struct{})}
	go l.readLoop()
	return l
}

func (l *Link) readLoop() {
	defer close(l.readDone)
	for m := range l.msgs {
		linkHandlers[m%2](l, m)
	}
}

func (l *Link) onPing(int) {}

func (l *Link) onData(m int) {
	p := l.peers[m]
	p.mu.Lock()
	defer p.mu.Unlock()
	l.mu.Lock() // Link.mu while peer.mu is held, inside readLoop only
	l.mu.Unlock()
}

func (l *Link) Close() {
	close(l.msgs)
	<-l.readDone
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.peers {
		p.mu.Lock() // not reported: readLoop has returned
		p.mu.Unlock()
	}
}

// Wire's table can be changed at run time (Handle): who calls its
// handlers is not known, and the receive joins nothing for sure.

type port struct {
	mu   sync.Mutex
	wire *Wire
}

type Wire struct {
	mu       sync.Mutex
	ports    []*port
	msgs     chan int
	readDone chan struct{}
}

var wireHandlers = []func(*Wire, int){
	0: (*Wire).onData,
}

func Handle(h func(*Wire, int)) { wireHandlers = append(wireHandlers, h) }

func NewWire() *Wire {
	w := &Wire{msgs: make(chan int), readDone: make(chan struct{})}
	go w.readLoop()
	return w
}

func (w *Wire) readLoop() {
	defer close(w.readDone)
	for m := range w.msgs {
		wireHandlers[0](w, m)
	}
}

func (w *Wire) onData(m int) {
	p := w.ports[m]
	p.mu.Lock()
	defer p.mu.Unlock()
	w.mu.Lock() // want `lock order inversion: Wire.mu is locked while port.mu is held`
	w.mu.Unlock()
}

func (w *Wire) Close() {
	close(w.msgs)
	<-w.readDone
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.ports {
		p.mu.Lock()
		p.mu.Unlock()
	}
}

// Gate's table is copied by another initialiser: calls through the
// copy (SetGate) are calls the table's own uses do not show.

type slot struct {
	mu   sync.Mutex
	gate *Gate
}

type Gate struct {
	mu       sync.Mutex
	slots    []*slot
	msgs     chan int
	readDone chan struct{}
}

var gateHandlers = []func(*Gate, int){
	0: (*Gate).onData,
}

var gateAlias = gateHandlers

func SetGate(g *Gate) { gateAlias[0](g, 0) }

func NewGate() *Gate {
	g := &Gate{msgs: make(chan int), readDone: make(chan struct{})}
	go g.readLoop()
	return g
}

func (g *Gate) readLoop() {
	defer close(g.readDone)
	for m := range g.msgs {
		gateHandlers[0](g, m)
	}
}

func (g *Gate) onData(m int) {
	s := g.slots[m]
	s.mu.Lock()
	defer s.mu.Unlock()
	g.mu.Lock() // want `lock order inversion: Gate.mu is locked while slot.mu is held`
	g.mu.Unlock()
}

func (g *Gate) Close() {
	close(g.msgs)
	<-g.readDone
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, s := range g.slots {
		s.mu.Lock()
		s.mu.Unlock()
	}
}
