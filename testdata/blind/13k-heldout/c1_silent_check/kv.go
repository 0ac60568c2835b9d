// Package kv is a tiny versioned key/value store with change notifications.
package kv

import (
	"errors"
	"sync"
)

// ErrNotFound is returned for a missing key.
var ErrNotFound = errors.New("kv: not found")

// ErrConflict is returned when the expected version does not match.
var ErrConflict = errors.New("kv: version conflict")

// Change describes one committed write.
type Change struct {
	Key     string
	Version int
}

// Store holds values and their versions.
type Store struct {
	mu       sync.Mutex
	vals     map[string]string
	vers     map[string]int
	watchers []chan<- Change
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{vals: map[string]string{}, vers: map[string]int{}}
}

// Watch registers ch to receive every committed change.
func (s *Store) Watch(ch chan<- Change) {
	s.mu.Lock()
	s.watchers = append(s.watchers, ch)
	s.mu.Unlock()
}

// Put writes key if its current version equals want.
func (s *Store) Put(key, val string, want int) (int, error) {
	s.mu.Lock()
	if s.vers[key] != want {
		s.mu.Unlock()
		return 0, ErrConflict
	}
	s.vers[key]++
	v := s.vers[key]
	s.vals[key] = val
	ws := append([]chan<- Change(nil), s.watchers...)
	s.mu.Unlock()
	for _, w := range ws {
		w <- Change{Key: key, Version: v}
	}
	return v, nil
}

// Get returns the value of key.
func (s *Store) Get(key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.vals[key]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}
