package fenced

import (
	"net"
	"sync"
	"sync/atomic"
)

// The net/http Server's shape: Close stores the shutting-down flag
// without the mutex, then takes the mutex to close the listeners, then
// waits. Serve, run as go srv.Serve(ln), adds through a helper that
// tests the flag (through a getter) under the mutex; its deferred
// removal adds nothing. A section of trackListener that comes after
// Close's sees the flag; one that comes before it is ordered before the
// Wait.
type server struct {
	mu         sync.Mutex
	listeners  map[*net.Listener]struct{}
	lnGroup    sync.WaitGroup
	inShutdown atomic.Bool
}

func (s *server) serve(ln net.Listener) error {
	if !s.trackListener(ln, true) {
		return net.ErrClosed
	}
	defer s.trackListener(ln, false)
	for {
		conn, err := ln.Accept()
		if err != nil {
			if s.shuttingDown() {
				return nil
			}
			return err
		}
		go func(conn net.Conn) { conn.Close() }(conn)
	}
}

func (s *server) close() {
	s.inShutdown.Store(true)
	s.mu.Lock()
	for ln := range s.listeners {
		(*ln).Close()
	}
	s.mu.Unlock()
	s.lnGroup.Wait()
}

func (s *server) shuttingDown() bool { return s.inShutdown.Load() }

func (s *server) trackListener(ln net.Listener, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listeners == nil {
		s.listeners = make(map[*net.Listener]struct{})
	}
	if add {
		if s.shuttingDown() {
			return false
		}
		s.listeners[&ln] = struct{}{}
		s.lnGroup.Add(1)
	} else {
		delete(s.listeners, &ln)
		s.lnGroup.Done()
	}
	return true
}

func runServer(ln net.Listener) {
	s := &server{}
	go s.serve(ln)
	s.close()
}

// The same server whose Shutdown stores the flag and waits without ever
// taking the mutex: an Add whose section tested the flag before the
// store can still run after the Wait has begun.
type proxy struct {
	mu         sync.Mutex
	conns      map[net.Conn]struct{}
	wg         sync.WaitGroup
	inShutdown atomic.Bool
}

func (p *proxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inShutdown.Load() {
		return false
	}
	if p.conns == nil {
		p.conns = make(map[net.Conn]struct{})
	}
	p.conns[c] = struct{}{}
	p.wg.Add(1)
	return true
}

func (p *proxy) handle(c net.Conn) {
	if !p.track(c) { // want `sync.WaitGroup.Add called inside the goroutine it accounts for \(via track\)`
		c.Close()
		return
	}
	defer p.wg.Done()
	c.Close()
}

func (p *proxy) shutdown() {
	p.inShutdown.Store(true)
	p.wg.Wait()
}

func runProxy(c net.Conn) {
	p := &proxy{}
	go p.handle(c)
	p.shutdown()
}
