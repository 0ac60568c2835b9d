package store

import "sync"

// Store is a small key/value store with a global write lock used
// during snapshots.
type Store struct {
	mu   sync.Mutex
	data map[string]int
}

func New() *Store { return &Store{data: make(map[string]int)} }

// Set stores a value.
func (s *Store) Set(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[k] = v
}

// Get reads a value.
func (s *Store) Get(k string) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.data[k]
	return v, ok
}

// Freeze blocks all writers until the returned function is called.
func (s *Store) Freeze() (thaw func()) {
	s.mu.Lock()
	return s.mu.Unlock
}
