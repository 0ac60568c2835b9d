// Package relay forwards telemetry frames from edge agents to a sink.
package relay

import (
	"encoding/json"
	"log"
	"net"
	"sync"
)

type Frame struct {
	Agent  string            `json:"agent"`
	Seq    uint64            `json:"seq"`
	Labels map[string]string `json:"labels"`
	Value  float64           `json:"value"`
}

type Sink interface {
	Write(f Frame) error
}

type Server struct {
	ln   net.Listener
	sink Sink

	mu      sync.Mutex
	clients map[net.Conn]struct{}
}

func NewServer(ln net.Listener, sink Sink) *Server {
	return &Server{ln: ln, sink: sink, clients: make(map[net.Conn]struct{})}
}

func (s *Server) Serve() error {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return err
		}
		s.track(conn, true)
		go s.handle(conn)
	}
}

func (s *Server) track(c net.Conn, add bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if add {
		s.clients[c] = struct{}{}
	} else {
		delete(s.clients, c)
	}
}

func (s *Server) handle(conn net.Conn) {
	defer func() {
		s.track(conn, false)
		conn.Close()
	}()
	dec := json.NewDecoder(conn)
	for dec.More() {
		var f Frame
		if err := dec.Decode(&f); err != nil {
			panic(err)
		}
		if err := s.sink.Write(f); err != nil {
			log.Printf("relay: sink write for %s: %v", f.Agent, err)
			return
		}
	}
}

func (s *Server) Close() error {
	err := s.ln.Close()
	s.mu.Lock()
	for c := range s.clients {
		c.Close()
	}
	s.mu.Unlock()
	return err
}
