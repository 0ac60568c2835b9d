// Correct: Close sets inShutdown, then takes s.mu and releases it before Wait; every Add is made under s.mu after testing shuttingDown(), and the flag is never cleared.
package g1_line_rpc_server

import (
	"bufio"
	"errors"
	"net"
	"strings"
	"sync"
	"sync/atomic"
)

// ErrServerClosed is returned by Serve after Close.
var ErrServerClosed = errors.New("rpc: server closed")

// HandlerFunc answers one request line.
type HandlerFunc func(method, arg string) string

// Server is a line-oriented RPC server ("METHOD arg\n" -> "reply\n").
type Server struct {
	Handler HandlerFunc

	inShutdown atomic.Bool
	mu         sync.Mutex
	listeners  map[*net.Listener]struct{}
	conns      map[net.Conn]struct{}
	wg         sync.WaitGroup
}

func (s *Server) shuttingDown() bool { return s.inShutdown.Load() }

// trackListener adds or removes ln; it reports false if the server is closing.
func (s *Server) trackListener(ln *net.Listener, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listeners == nil {
		s.listeners = make(map[*net.Listener]struct{})
	}
	if add {
		if s.shuttingDown() {
			return false
		}
		s.listeners[ln] = struct{}{}
		s.wg.Add(1)
	} else {
		delete(s.listeners, ln)
		s.wg.Done()
	}
	return true
}

func (s *Server) trackConn(c net.Conn, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns == nil {
		s.conns = make(map[net.Conn]struct{})
	}
	if add {
		if s.shuttingDown() {
			return false
		}
		s.conns[c] = struct{}{}
		s.wg.Add(1)
	} else {
		delete(s.conns, c)
		s.wg.Done()
	}
	return true
}

// Serve accepts connections on ln. It is meant to be run as go srv.Serve(ln).
func (s *Server) Serve(ln net.Listener) error {
	if !s.trackListener(&ln, true) {
		return ErrServerClosed
	}
	defer s.trackListener(&ln, false)

	for {
		c, err := ln.Accept()
		if err != nil {
			if s.shuttingDown() {
				return ErrServerClosed
			}
			return err
		}
		if !s.trackConn(c, true) {
			c.Close()
			continue
		}
		go s.serveConn(c)
	}
}

func (s *Server) serveConn(c net.Conn) {
	defer s.trackConn(c, false)
	defer c.Close()
	sc := bufio.NewScanner(c)
	w := bufio.NewWriter(c)
	for sc.Scan() {
		method, arg, _ := strings.Cut(sc.Text(), " ")
		w.WriteString(s.Handler(method, arg))
		w.WriteByte('\n')
		if err := w.Flush(); err != nil {
			return
		}
	}
}

// Close stops all listeners and connections and waits for their goroutines.
func (s *Server) Close() error {
	s.inShutdown.Store(true)

	s.mu.Lock()
	var err error
	for ln := range s.listeners {
		if cerr := (*ln).Close(); cerr != nil && err == nil {
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
