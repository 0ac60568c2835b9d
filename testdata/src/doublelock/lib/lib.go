// Package lib is imported by doublelock/a to exercise facts.
package lib

import "sync"

type Store struct {
	mu sync.RWMutex
	m  map[string]int
}

// Len read-locks s.mu.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.m)
}

// Lock acquires s.mu and returns with it held.
func (s *Store) Lock() { s.mu.Lock() }

// Unlock releases s.mu.
func (s *Store) Unlock() { s.mu.Unlock() }

// Mu exposes the mutex.
func (s *Store) Mu() *sync.RWMutex { return &s.mu }

// LenLocked expects s.mu held.
func (s *Store) LenLocked() int { return len(s.m) }

// WithUnlocked drops s.mu while running f.
func (s *Store) WithUnlocked(f func()) {
	s.mu.Unlock()
	defer s.mu.Lock()
	f()
}

var Global sync.Mutex

// LockGlobal locks and unlocks Global.
func LockGlobal() {
	Global.Lock()
	Global.Unlock()
}
