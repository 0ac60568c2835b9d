package relay

import (
	"bufio"
	"net"
	"sync"
)

type Server struct {
	mu          sync.Mutex
	conns       map[*conn]struct{}
	commands    int
	tunnelBytes int64
	backend     string
}

func NewServer(backend string) *Server {
	return &Server{conns: make(map[*conn]struct{}), backend: backend}
}

func (s *Server) Serve(ln net.Listener) error {
	for {
		nc, err := ln.Accept()
		if err != nil {
			return err
		}
		c := &conn{srv: s, nc: nc, rd: bufio.NewReader(nc)}
		s.mu.Lock()
		s.conns[c] = struct{}{}
		s.mu.Unlock()
		go c.serve()
	}
}

func (s *Server) untrack(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

func (s *Server) Totals() (commands int, tunneled int64, live int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands, s.tunnelBytes, len(s.conns)
}
