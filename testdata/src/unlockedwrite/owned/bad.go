package owned

import (
	"sync"
	"time"
)

// Relay's loop touches queue, and so does the exported Drain: two
// goroutines, and mu guards queue.
type Relay struct {
	mu    sync.Mutex
	in    chan []byte
	queue [][]byte
}

func NewRelay() *Relay {
	r := &Relay{in: make(chan []byte)}
	go r.loop()
	return r
}

func (r *Relay) Drain() {
	r.mu.Lock()
	r.queue = nil
	r.mu.Unlock()
}

func (r *Relay) loop() {
	for b := range r.in {
		r.queue = append(r.queue, b) // want `write to r.queue without holding r.mu`
		r.pop()
	}
}

func (r *Relay) pop() {
	r.mu.Lock()
	r.queue = r.queue[1:]
	r.mu.Unlock()
}

// Server starts its handler once per connection, in a loop: many
// goroutines on one Server.
type Server struct {
	mu    sync.Mutex
	conns chan int
	open  int
}

func (s *Server) Serve() {
	for c := range s.conns {
		go s.handle(c)
	}
}

func (s *Server) handle(c int) {
	s.open++ // want `write to s.open without holding s.mu`
	s.opened(c)
	s.closed(c)
}

func (s *Server) opened(int) { s.mu.Lock(); s.open += 2; s.mu.Unlock() }
func (s *Server) closed(int) { s.mu.Lock(); s.open--; s.mu.Unlock() }

// Hub's HandleConn starts a goroutine per call, with the connection:
// not a Start, any number of them run on one Hub.
type Hub struct {
	mu    sync.Mutex
	count int
}

func (h *Hub) HandleConn(c int) { go h.serve(c) }

func (h *Hub) serve(c int) {
	h.count++ // want `write to h.count without holding h.mu`
	h.up(c)
	h.down(c)
}

func (h *Hub) up(int)   { h.mu.Lock(); h.count += 2; h.mu.Unlock() }
func (h *Hub) down(int) { h.mu.Lock(); h.count--; h.mu.Unlock() }

// Ticker's timer callback runs in a goroutine of its own, beside the
// loop.
type Ticker struct {
	mu    sync.Mutex
	in    chan int
	fired int
}

func NewTicker() *Ticker {
	t := &Ticker{in: make(chan int)}
	go t.loop()
	return t
}

func (t *Ticker) loop() {
	for range t.in {
		t.bump()
		t.drop()
		time.AfterFunc(time.Second, func() {
			t.fired++ // want `write to t.fired without holding t.mu`
		})
	}
}

func (t *Ticker) bump() { t.mu.Lock(); t.fired += 2; t.mu.Unlock() }
func (t *Ticker) drop() { t.mu.Lock(); t.fired--; t.mu.Unlock() }
