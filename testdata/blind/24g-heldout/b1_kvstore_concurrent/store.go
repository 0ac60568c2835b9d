package b1_kvstore_concurrent

import (
	"errors"
	"sync"
)

// ErrClosed is returned by operations on a closed Store.
var ErrClosed = errors.New("kvstore: closed")

// ErrNotFound is returned by Get when the key is absent.
var ErrNotFound = errors.New("kvstore: not found")

// Store is a small in-memory key/value store with a size cap.
type Store struct {
	mu      sync.RWMutex
	data    map[string][]byte
	maxKeys int
	closed  bool
}

// NewStore returns a Store that holds at most maxKeys entries.
func NewStore(maxKeys int) *Store {
	return &Store{data: make(map[string][]byte), maxKeys: maxKeys}
}

// Put stores a copy of val under key.
func (s *Store) Put(key string, val []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if _, ok := s.data[key]; !ok && len(s.data) >= s.maxKeys {
		return errors.New("kvstore: full")
	}
	s.data[key] = append([]byte(nil), val...)
	return nil
}

// Get returns a copy of the value stored under key.
func (s *Store) Get(key string) ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, ErrClosed
	}
	v, ok := s.data[key]
	if !ok {
		return nil, ErrNotFound
	}
	return append([]byte(nil), v...), nil
}

// Len reports the number of stored keys.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.data)
}

// Close releases the store; later calls fail with ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.data = nil
	return nil
}
