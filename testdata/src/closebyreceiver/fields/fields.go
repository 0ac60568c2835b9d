package fields

import "sync"

type Server struct {
	reqs chan int
	quit chan struct{}
	wg   sync.WaitGroup
}

func (s *Server) Handle(v int) { s.reqs <- v }

// loop receives s.reqs and closes it: Handle still sends.
func (s *Server) loop() {
	for v := range s.reqs {
		if v == 0 {
			s.shutdown() // want `call to s.shutdown closes s.reqs from its receiver while another goroutine sends on it`
			return
		}
	}
}

func (s *Server) shutdown() { close(s.reqs) }

func (s *Server) Start() { go s.loop() }

type Clean struct {
	reqs chan int
	quit chan struct{}
}

func (c *Clean) Handle(v int) {
	select {
	case c.reqs <- v:
	case <-c.quit:
	}
}

// The receiver closes quit, which it owns; reqs stays open. Correct.
func (c *Clean) loop() {
	for v := range c.reqs {
		if v == 0 {
			close(c.quit)
			return
		}
	}
}

// Stop is called by the only sender after sending: ownership stays with it.
type Pipe struct{ ch chan int }

func (p *Pipe) produce() {
	for i := 0; i < 3; i++ {
		p.ch <- i
	}
	p.finish()
}

func (p *Pipe) finish() {
	<-p.ch
	close(p.ch)
}

func (p *Pipe) Run() {
	go p.produce()
	for range p.ch {
	}
}

// A handshake: Stop sends a request and waits for the close as the
// answer. Not provably wrong.
type Handshake struct{ quit chan struct{} }

func (h *Handshake) Stop() {
	h.quit <- struct{}{}
	<-h.quit
}

func (h *Handshake) loop() {
	for {
		select {
		case <-h.quit:
			close(h.quit)
			return
		}
	}
}

// Fetch's reply callback sends only under mu and only while the
// request is registered; Fetch unregisters it under mu before closing,
// so the mutex orders the close after any send (nats' account lookup):
// silent.
type Lookup struct {
	mu      sync.Mutex
	pending map[string]bool
}

func (l *Lookup) Fetch(id string, ask func(reply func(string))) string {
	ch := make(chan string, 1)
	l.mu.Lock()
	l.pending[id] = true
	l.mu.Unlock()
	go ask(func(v string) {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.pending[id] {
			select {
			case ch <- v:
			default:
			}
		}
	})
	v := <-ch
	l.mu.Lock()
	delete(l.pending, id)
	l.mu.Unlock()
	close(ch)
	return v
}

// The only sender is a callback handed to code we cannot see: nothing
// says when, or whether, it sends again after the one reply (nats'
// monitor tests): silent.
func WaitOne(subscribe func(handler func())) {
	ch := make(chan bool)
	subscribe(func() { ch <- true })
	<-ch
	close(ch)
}
