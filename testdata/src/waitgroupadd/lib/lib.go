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
