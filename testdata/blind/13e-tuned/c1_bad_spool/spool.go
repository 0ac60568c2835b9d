package spool

import (
	"errors"
	"io"
	"sync"
)

var ErrStopped = errors.New("spool: stopped")

// Spool buffers records and hands them to a flusher goroutine.
type Spool struct {
	mu  sync.Mutex
	dst io.Writer
	fl  *flusher
}

func Open(dst io.Writer) *Spool {
	s := &Spool{dst: dst}
	s.fl = s.startFlusher()
	return s
}

func (s *Spool) startFlusher() *flusher {
	f := &flusher{reqs: make(chan []byte, 32), dst: s.dst, c: newCloser()}
	go f.loop()
	return f
}

func (s *Spool) Enqueue(rec []byte) error {
	s.mu.Lock()
	fl := s.fl
	s.mu.Unlock()
	if fl == nil {
		return ErrStopped
	}
	fl.reqs <- append([]byte(nil), rec...)
	return nil
}

func (s *Spool) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fl == nil {
		return ErrStopped
	}
	s.fl.c.Signal()
	s.fl.c.Wait()
	s.fl = nil
	return nil
}

func (s *Spool) Reopen() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fl == nil {
		s.fl = s.startFlusher()
	}
}
