// Package b1_echo_accept is a small line-echo TCP server.
package b1_echo_accept

import (
	"bufio"
	"errors"
	"log"
	"net"
	"sync"
	"time"
)

// EchoServer echoes every line it receives back to the client.
type EchoServer struct {
	ln      net.Listener
	logger  *log.Logger
	timeout time.Duration

	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]struct{}
}

// NewEchoServer wraps an already bound listener.
func NewEchoServer(ln net.Listener, logger *log.Logger) *EchoServer {
	return &EchoServer{
		ln:      ln,
		logger:  logger,
		timeout: 30 * time.Second,
		conns:   make(map[net.Conn]struct{}),
	}
}

// Serve accepts connections until the listener is closed.
func (s *EchoServer) Serve() error {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		s.wg.Add(1) // BAD: Add in Serve started via go; Shutdown's Wait may already have returned
		go s.handle(conn)
	}
}

func (s *EchoServer) handle(conn net.Conn) {
	defer s.wg.Done()
	s.mu.Lock()
	s.conns[conn] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.conns, conn)
		s.mu.Unlock()
		conn.Close()
	}()

	sc := bufio.NewScanner(conn)
	for {
		conn.SetReadDeadline(time.Now().Add(s.timeout))
		if !sc.Scan() {
			return
		}
		if _, err := conn.Write(append(sc.Bytes(), '\n')); err != nil {
			s.logger.Printf("echo: write: %v", err)
			return
		}
	}
}

// Shutdown stops accepting, closes open connections and waits for handlers.
func (s *EchoServer) Shutdown() error {
	err := s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}
