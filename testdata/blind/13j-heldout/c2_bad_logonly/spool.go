package spool

import (
	"errors"
	"sync"
)

// Spool buffers outgoing records and flushes them to a sink in batches.
type Spool struct {
	mu      sync.Mutex
	pending []string
	sink    func(batch []string) error
	max     int
}

// New returns a spool that flushes once max records are pending.
func New(max int, sink func([]string) error) *Spool {
	return &Spool{max: max, sink: sink}
}

// Append queues rec and flushes when the batch is full.
func (s *Spool) Append(rec string) error {
	s.mu.Lock()
	s.pending = append(s.pending, rec)
	full := len(s.pending) >= s.max
	s.mu.Unlock()
	if full {
		return s.Flush()
	}
	return nil
}

// Flush sends every pending record to the sink.
func (s *Spool) Flush() error {
	s.mu.Lock()
	batch := s.pending
	s.pending = nil
	s.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	if s.sink == nil {
		return errors.New("spool: no sink")
	}
	return s.sink(batch)
}
