// Correct: shipChunk stops reading progress at the first error, but it always waits on allDone, which is closed only after wg.Wait() for every worker, so all sends on acked happen before Flush closes it.
package g3_log_shipper

import (
	"errors"
	"fmt"
	"sync"
)

type Entry struct {
	Seq  int
	Line string
}

type Sink interface {
	Write(batch []Entry) error
}

type Shipper struct {
	sink      Sink
	chunkSize int
	parts     int

	mu      sync.Mutex
	pending []Entry
}

func NewShipper(s Sink, chunkSize, parts int) *Shipper {
	return &Shipper{sink: s, chunkSize: max(chunkSize, 1), parts: max(parts, 1)}
}

func (s *Shipper) Append(e Entry) {
	s.mu.Lock()
	s.pending = append(s.pending, e)
	s.mu.Unlock()
}

// Flush ships all pending entries and returns how many were acknowledged.
func (s *Shipper) Flush() (int, error) {
	s.mu.Lock()
	entries := s.pending
	s.pending = nil
	s.mu.Unlock()

	acked := make(chan int)
	total := 0
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		for n := range acked {
			total += n
		}
	}()

	var errs []error
	for start := 0; start < len(entries); start += s.chunkSize {
		chunk := entries[start:min(start+s.chunkSize, len(entries))]
		if err := s.shipChunk(chunk, acked); err != nil {
			errs = append(errs, err)
		}
	}

	close(acked)
	<-counted
	return total, errors.Join(errs...)
}

// shipChunk splits a chunk into parts written in parallel.
func (s *Shipper) shipChunk(chunk []Entry, acked chan<- int) error {
	per := (len(chunk) + s.parts - 1) / s.parts
	var wg sync.WaitGroup
	progress := make(chan error, s.parts)
	started := 0
	for start := 0; start < len(chunk); start += per {
		part := chunk[start:min(start+per, len(chunk))]
		started++
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.sink.Write(part)
			if err == nil {
				acked <- len(part)
			}
			progress <- err
		}()
	}
	allDone := make(chan struct{})
	go func() {
		wg.Wait()
		close(allDone)
	}()

	var firstErr error
	for range started {
		if err := <-progress; err != nil {
			firstErr = fmt.Errorf("ship chunk at seq %d: %w", chunk[0].Seq, err)
			break
		}
	}
	// The remaining parts may still be writing; never hand the chunk back
	// before every part has finished.
	<-allDone
	return firstErr
}
