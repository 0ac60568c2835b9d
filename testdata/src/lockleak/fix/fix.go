// Package fix exercises lockleak's suggested fixes.
package fix

import (
	"errors"
	"sync"
)

var errMissing = errors.New("missing")

type Store struct {
	mu sync.RWMutex
	m  map[string]int
}

func (s *Store) Put(k string, v int) error {
	s.mu.Lock()
	if v < 0 {
		err := errors.New("negative")
		return err // want `return with s.mu still locked`
	}
	s.m[k] = v
	s.mu.Unlock()
	return nil
}

func (s *Store) Count(k string) int {
	s.mu.RLock()
	if k == "" {
		return -1 // want `return with s.mu still read-locked`
	}
	n := len(s.m)
	s.mu.RUnlock()
	return n
}

// No fix: the result reads guarded state, which must not move after
// the Unlock.
func (s *Store) Get(k string) (int, error) {
	s.mu.RLock()
	if _, ok := s.m[k]; ok {
		return s.m[k], nil // want `return with s.mu still read-locked`
	}
	s.mu.RUnlock()
	return 0, errMissing
}

// No fix: a package variable in the result.
func (s *Store) Del(k string) error {
	s.mu.Lock()
	if _, ok := s.m[k]; !ok {
		return errMissing // want `return with s.mu still locked`
	}
	delete(s.m, k)
	s.mu.Unlock()
	return nil
}

// No fix: the parameter is shadowed at the return.
func (s *Store) Shadow(k string) int {
	s.mu.Lock()
	if k == "" {
		s := 0
		return s // want `return with s.mu still locked`
	}
	s.mu.Unlock()
	return 1
}
