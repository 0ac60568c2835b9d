package logship

import (
	"io"
	"sync"
)

// Shipper batches log lines and writes them to an underlying sink from a
// single background goroutine.
type Shipper struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending [][]byte
	stopped bool
	written int

	sink io.Writer
	done chan struct{}
}

func NewShipper(sink io.Writer) *Shipper {
	s := &Shipper{sink: sink, done: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

func (s *Shipper) Write(p []byte) (int, error) {
	line := append([]byte(nil), p...)
	s.mu.Lock()
	s.pending = append(s.pending, line)
	s.mu.Unlock()
	s.cond.Signal()
	return len(p), nil
}

func (s *Shipper) loop() {
	defer close(s.done)
	s.mu.Lock()
	for !s.stopped {
		if len(s.pending) == 0 {
			s.cond.Wait()
		}
		batch := s.pending
		s.pending = nil
		s.mu.Unlock()

		n := 0
		for _, line := range batch {
			m, _ := s.sink.Write(line)
			n += m
		}

		s.mu.Lock()
		s.written += n
	}
	rest := s.pending
	s.pending = nil
	s.mu.Unlock()

	for _, line := range rest {
		s.sink.Write(line)
	}
}

func (s *Shipper) Close() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.cond.Broadcast()
	<-s.done
}

func (s *Shipper) Written() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.written
}
