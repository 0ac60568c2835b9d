package b2_server_shutdown

import (
	"log"
	"net"
	"sync"
)

// Server accepts TCP connections and echoes lines back.
type Server struct {
	ln    net.Listener
	done  chan struct{}
	wg    sync.WaitGroup
	conns map[net.Conn]struct{}
	mu    sync.Mutex
}

// NewServer listens on addr.
func NewServer(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Server{
		ln:    ln,
		done:  make(chan struct{}),
		conns: make(map[net.Conn]struct{}),
	}, nil
}

// Serve accepts connections until Stop or Close is called.
func (s *Server) Serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			select {
			case <-s.done:
				return
			default:
				log.Printf("accept: %v", err)
				continue
			}
		}
		s.mu.Lock()
		s.conns[c] = struct{}{}
		s.mu.Unlock()
		s.wg.Add(1)
		go s.handle(c)
	}
}

func (s *Server) handle(c net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		if _, err := c.Write(buf[:n]); err != nil {
			return
		}
	}
}

// Stop stops accepting new connections; existing ones keep running.
func (s *Server) Stop() {
	close(s.done)
	s.ln.Close()
}

// Close stops the server and drops all open connections.
func (s *Server) Close() error {
	close(s.done)
	err := s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}

// App wires the server into the process lifecycle.
type App struct {
	srv *Server
}

// Shutdown drains the server: stop accepting first, then tear everything down.
func (a *App) Shutdown() error {
	a.srv.Stop()
	return a.srv.Close() // BAD: Stop already closed srv.done and Close closes it again
}
