package ss_bad_echoselftest

import (
	"io"
	"net"
	"sync"
)

type echoServer struct {
	addr string
	logf func(string, ...any)

	mu sync.Mutex
	ln net.Listener
}

func (s *echoServer) serve() {
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		s.logf("echo: listen %s: %v", s.addr, err)
		return
	}
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}

func (s *echoServer) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln != nil {
		s.ln.Close()
	}
}
