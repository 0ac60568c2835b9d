// Package lib is imported by waitgroupadd/cross: its summaries reach // want package:"analyzed, dependencies too"
// the importer as Facts.
package lib

import "sync"

// Worker counts itself: bad when started by go.
func Worker(wg *sync.WaitGroup, n int) { // want Worker:`waitgroupadd\(add:p0 done:p0 flags=0\)`
	wg.Add(1)
	defer wg.Done()
	_ = n
}

// Process expects its caller to have added.
func Process(wg *sync.WaitGroup) { // want Process:`waitgroupadd\(done:p0 flags=0\)`
	defer wg.Done()
}

// Enter is a helper that adds.
func Enter(wg *sync.WaitGroup) { wg.Add(1) } // want Enter:`waitgroupadd\(add:p0 flags=0\)`

// Server adds for each connection inside Serve.
type Server struct {
	Conns []int
	wg    sync.WaitGroup
}

func (s *Server) Serve() { // want Serve:`waitgroupadd\(add:p0/1 carry:p0/1 flags=0\)`
	for range s.Conns {
		s.wg.Add(1)
		go s.handle()
	}
}

func (s *Server) handle() { defer s.wg.Done() }

func (s *Server) Shutdown() { s.wg.Wait() } // want Shutdown:`waitgroupadd\(wait:p0/1 flags=0\)`

// Group is errgroup-like: Go adds for the goroutine it starts.
type Group struct{ wg sync.WaitGroup }

func (g *Group) Go(f func()) { // want Go:`waitgroupadd\(add:p0/0 carry:p0/0 carry:p1 pub:p1 flags=0\)`
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

func (g *Group) Wait() { g.wg.Wait() } // want Wait:`waitgroupadd\(wait:p0/0 flags=0\)`

// Ready closes a channel: a handshake.
func Ready(ch chan struct{}) { close(ch) } // want Ready:`waitgroupadd\(pub:p0 flags=8\)`

// Generic counts itself.
func Generic[T any](wg *sync.WaitGroup, v T) { // want Generic:`waitgroupadd\(add:p0 done:p0 flags=0\)`
	wg.Add(1)
	defer wg.Done()
	_ = v
}

// Batcher counts each batch under its mutex once it has checked
// shutdown there; Shutdown sets the flag under the mutex before it
// waits: every Add that happens at all comes before the Wait, so the
// fact leaves the Add out.
type Batcher struct {
	mu       sync.Mutex
	shutdown bool
	wg       sync.WaitGroup
}

func (b *Batcher) Send(n int) bool { // want Send:`waitgroupadd\(pub:p0/0 carry:p0/2 flags=0\)`
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.shutdown {
		return false
	}
	b.wg.Add(1)
	go b.handle(n)
	return true
}

func (b *Batcher) handle(n int) {
	defer b.wg.Done()
	_ = n
}

func (b *Batcher) Shutdown() { // want Shutdown:`waitgroupadd\(pub:p0/0 wait:p0/2 flags=0\)`
	b.mu.Lock()
	b.shutdown = true
	b.mu.Unlock()
	b.wg.Wait()
}

// Pool checks its flag without the mutex: an Add can follow the Wait.
type Pool struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

func (p *Pool) Submit(n int) bool { // want Submit:`waitgroupadd\(add:p0/2 carry:p0/2 flags=0\)`
	if p.closed {
		return false
	}
	p.wg.Add(1)
	go p.run(n)
	return true
}

func (p *Pool) run(n int) {
	defer p.wg.Done()
	_ = n
}

func (p *Pool) Close() { // want Close:`waitgroupadd\(pub:p0/0 wait:p0/2 flags=0\)`
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.wg.Wait()
}

// Flusher adds in a helper its callers call holding mu after their
// test of closed; Close flushes through it before it waits. The fact
// leaves those Adds out too.
type Flusher struct {
	mu      sync.Mutex
	closed  bool
	pending []int
	wg      sync.WaitGroup
}

func (f *Flusher) Send(n int) bool { // want Send:`waitgroupadd\(pub:p0/0 carry:p0/3 flags=0\)`
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return false
	}
	f.pending = append(f.pending, n)
	f.flush()
	return true
}

// flush requires f.mu to be held.
func (f *Flusher) flush() {
	if len(f.pending) == 0 {
		return
	}
	batch := f.pending
	f.pending = nil
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		_ = batch
	}()
}

func (f *Flusher) Close() { // want Close:`waitgroupadd\(carry:p0/3 pub:p0/0 wait:p0/3 flags=0\)`
	f.mu.Lock()
	f.closed = true
	f.flush()
	f.mu.Unlock()
	f.wg.Wait()
}
