package b1_echo_server

import (
	"bufio"
	"errors"
	"log"
	"net"
	"sync"
)

// Server is a tiny line-echo server. Callers usually run Serve on their own
// goroutine (go srv.Serve(ln)) and call Close from the main goroutine.
type Server struct {
	Logger *log.Logger

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[net.Conn]struct{}
	wg        sync.WaitGroup
}

// New returns a ready-to-use Server.
func New(logger *log.Logger) *Server {
	return &Server{
		Logger:    logger,
		listeners: make(map[net.Listener]struct{}),
		conns:     make(map[net.Conn]struct{}),
	}
}

// Serve accepts connections on ln until ln is closed.
func (s *Server) Serve(ln net.Listener) error {
	s.wg.Add(1) // BAD: Serve may run on any goroutine; nothing orders this Add before Close's Wait
	defer s.wg.Done()

	s.mu.Lock()
	s.listeners[ln] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.listeners, ln)
		s.mu.Unlock()
	}()

	for {
		c, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		s.mu.Lock()
		s.conns[c] = struct{}{}
		s.mu.Unlock()
		go func() {
			s.wg.Add(1) // BAD: Add done by the goroutine itself; Close's Wait may already have returned
			defer s.wg.Done()
			s.handle(c)
		}()
	}
}

func (s *Server) handle(c net.Conn) {
	defer func() {
		c.Close()
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
	}()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		if _, err := c.Write(append(sc.Bytes(), '\n')); err != nil {
			s.logf("echo: write: %v", err)
			return
		}
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.Logger != nil {
		s.Logger.Printf(format, args...)
	}
}

// Close closes all listeners and connections and waits for their goroutines.
func (s *Server) Close() error {
	s.mu.Lock()
	var err error
	for ln := range s.listeners {
		if cerr := ln.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()

	s.wg.Wait()
	return err
}
