package b5_watch_events_stream

import (
	"sync"
)

type EventType int

const (
	Added EventType = iota
	Modified
	Deleted
)

type Event struct {
	Type EventType
	Key  string
	Rev  int64
}

// Store is a tiny revisioned key-value store with a change log.
type Store struct {
	mu  sync.Mutex
	rev int64
	log []Event
}

func (s *Store) Put(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rev++
	typ := Added
	for _, e := range s.log {
		if e.Key == key && e.Type != Deleted {
			typ = Modified
		}
	}
	s.log = append(s.log, Event{Type: typ, Key: key, Rev: s.rev})
}

func (s *Store) Delete(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rev++
	s.log = append(s.log, Event{Type: Deleted, Key: key, Rev: s.rev})
}

// Since returns a copy of every event after rev.
func (s *Store) Since(rev int64) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Event
	for _, e := range s.log {
		if e.Rev > rev {
			out = append(out, e)
		}
	}
	return out
}
