// Package echo implements a tiny line echo server used by integration tests.
package echo

import (
	"bufio"
	"context"
	"errors"
	"net"
)

// ErrClosed is returned by Serve after Shutdown.
var ErrClosed = errors.New("echo: server closed")

// Server echoes every line it receives.
type Server struct {
	ln net.Listener
}

// New returns a server bound to ln.
func New(ln net.Listener) *Server { return &Server{ln: ln} }

// Serve accepts connections until the context is canceled.
func (s *Server) Serve(ctx context.Context) error {
	go func() {
		<-ctx.Done()
		s.ln.Close()
	}()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return ErrClosed
			}
			return err
		}
		go handle(c)
	}
}

func handle(c net.Conn) {
	defer c.Close()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		if _, err := c.Write(append(sc.Bytes(), '\n')); err != nil {
			return
		}
	}
}
