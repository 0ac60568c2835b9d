// Package component covers a goroutine that a constructor or a Start // want package:"analyzed, dependencies too"
// method starts on the component and that Adds to the component's
// WaitGroup, against a Wait in another method of it (Stop, Close): a
// user may call that method as soon as the constructor has returned,
// before the goroutine has made its Add.
package component

import (
	"context"
	"net"
	"sync"
	"time"
)

// Pool: Start returns, the scaler counts each worker it adds; a
// Shutdown right after Start may Wait before the first Add.
type Pool struct {
	tasks  chan func()
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func Start() *Pool {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Pool{tasks: make(chan func(), 8), cancel: cancel}
	go p.scale(ctx)
	return p
}

func (p *Pool) scale(ctx context.Context) {
	p.grow(ctx, 1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait \(via grow\)`
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.grow(ctx, len(p.tasks))
		}
	}
}

func (p *Pool) grow(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker(ctx)
	}
}

func (p *Pool) worker(ctx context.Context) {
	defer p.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case f := <-p.tasks:
			f()
		}
	}
}

func (p *Pool) Shutdown() { // want Shutdown:`waitgroupadd\(carry:p0/1 pub:p0/1 wait:p0/2 flags=0\)`
	p.cancel()
	p.wg.Wait()
}

// Server: an accept loop Start starts on the receiver, an embedded
// WaitGroup, and the Wait in an unexported helper that Close calls.
type Server struct {
	sync.WaitGroup
	ln net.Listener
}

func (s *Server) Start(ln net.Listener) { // want Start:`waitgroupadd\(carry:p0/1 carry:p0/0 flags=0\)`
	s.ln = ln
	go s.accept()
}

func (s *Server) accept() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
		go s.serve(c)
	}
}

func (s *Server) serve(c net.Conn) {
	defer s.Done()
	c.Close()
}

func (s *Server) Close() error { // want Close:`waitgroupadd\(carry:p0/1 wait:p0/0 flags=0\)`
	err := s.ln.Close()
	s.waitIdle()
	return err
}

func (s *Server) waitIdle() { s.Wait() }
