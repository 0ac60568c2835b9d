// BAD: the test fires one Ingest goroutine per event and checks Count() after a 20ms sleep; nothing orders the goroutines' appends before that read, so under -race or a loaded runner some events are not yet stored and the test flakes.
package ss_bad_ingestcount

import (
	"errors"
	"strings"
	"sync"
)

type Event struct {
	Source string
	Body   string
}

type MemorySink struct {
	mu     sync.Mutex
	byHost map[string][]Event
	n      int
}

func NewMemorySink() *MemorySink {
	return &MemorySink{byHost: make(map[string][]Event)}
}

func (s *MemorySink) Ingest(ev Event) error {
	if ev.Source == "" {
		return errors.New("event without source")
	}
	host, _, _ := strings.Cut(ev.Source, "/")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byHost[host] = append(s.byHost[host], ev)
	s.n++
	return nil
}

func (s *MemorySink) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

func (s *MemorySink) Hosts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.byHost)
}
