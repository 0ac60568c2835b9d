package b3_rpc_server

import (
	"errors"
	"sync"
	"time"
)

var ErrShuttingDown = errors.New("rpc: server shutting down")

// Handler serves one request.
type Handler func(req []byte) ([]byte, error)

// Stats are per-server counters.
type Stats struct {
	Served  int
	Failed  int
	Latency time.Duration
}

// Server dispatches each request to its own goroutine.
type Server struct {
	handler Handler
	wg      sync.WaitGroup

	mu     sync.Mutex
	closed bool
	stats  Stats
}

// NewServer returns a server using h.
func NewServer(h Handler) *Server {
	return &Server{handler: h}
}

// Dispatch runs req asynchronously and calls reply with the result.
func (s *Server) Dispatch(req []byte, reply func([]byte, error)) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrShuttingDown
	}
	s.wg.Add(1)
	s.mu.Unlock()

	go func() {
		start := time.Now()
		resp, err := s.handler(req)
		reply(resp, err)

		s.mu.Lock()
		if err != nil {
			s.stats.Failed++
		} else {
			s.stats.Served++
		}
		s.stats.Latency += time.Since(start)
		s.mu.Unlock()
		s.wg.Done()
	}()
	return nil
}

// Shutdown refuses new requests and waits for in-flight ones.
func (s *Server) Shutdown() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.wg.Wait() // BAD: in-flight handlers lock s.mu to update stats before calling wg.Done
	return s.stats
}

// Snapshot returns a copy of the counters.
func (s *Server) Snapshot() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}
