package b1_conn_server

import (
	"bufio"
	"errors"
	"log"
	"net"
	"sync"
)

// Server is a tiny line-echo TCP server.
type Server struct {
	addr string
	ln   net.Listener

	mu    sync.Mutex
	conns map[net.Conn]struct{}

	wg sync.WaitGroup
}

func NewServer(addr string) *Server {
	return &Server{addr: addr, conns: make(map[net.Conn]struct{})}
}

// Start binds the listener and serves in the background.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return err
	}
	s.ln = ln
	go s.acceptLoop()
	return nil
}

func (s *Server) Addr() net.Addr { return s.ln.Addr() }

func (s *Server) acceptLoop() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			log.Printf("accept: %v", err)
			continue
		}
		s.track(conn, true)
		s.wg.Add(1) // BAD: Add in the accept goroutine started by Start; Close may already be in Wait
		go s.handle(conn)
	}
}

func (s *Server) track(c net.Conn, add bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if add {
		s.conns[c] = struct{}{}
	} else {
		delete(s.conns, c)
	}
}

func (s *Server) handle(conn net.Conn) {
	defer s.wg.Done()
	defer s.track(conn, false)
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		if _, err := conn.Write(append(sc.Bytes(), '\n')); err != nil {
			return
		}
	}
}

// Close stops accepting, closes every live connection and waits for the
// handlers to exit.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}
