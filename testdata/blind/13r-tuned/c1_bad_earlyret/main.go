package main

import (
	"errors"
	"fmt"
	"sync"
)

// ingestStats collects counters for the ingest workers. Access is
// serialized through sem, a one-slot channel.
type ingestStats struct {
	sem       chan struct{}
	processed int
	bytes     int64
	byTenant  map[string]int
	lastErr   error
}

func newIngestStats() *ingestStats {
	return &ingestStats{
		sem:      make(chan struct{}, 1),
		byTenant: make(map[string]int),
	}
}

type record struct {
	tenant  string
	payload []byte
}

var errEmpty = errors.New("empty payload")

// Observe records the outcome of one ingested record.
func (s *ingestStats) Observe(r record, err error) {
	if err != nil {
		s.lastErr = err
		return
	}
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	s.processed++
	s.bytes += int64(len(r.payload))
	s.byTenant[r.tenant]++
	s.lastErr = nil
}

// Snapshot returns a copy of the counters.
func (s *ingestStats) Snapshot() (int, int64, error) {
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	return s.processed, s.bytes, s.lastErr
}

func validate(r record) error {
	if len(r.payload) == 0 {
		return errEmpty
	}
	return nil
}

func main() {
	stats := newIngestStats()
	jobs := make(chan record)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range jobs {
				stats.Observe(r, validate(r))
			}
		}()
	}
	for i := 0; i < 200; i++ {
		r := record{tenant: fmt.Sprintf("t%d", i%3)}
		if i%2 == 0 {
			r.payload = []byte("data")
		}
		jobs <- r
	}
	close(jobs)
	wg.Wait()
	n, b, err := stats.Snapshot()
	fmt.Println(n, b, err)
}
