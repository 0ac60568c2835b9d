// Package lib holds helpers whose summaries reach package dump only
// through Facts.
package lib

import "sync"

// Locked returns with mu held.
func Lock(mu *sync.Mutex) { mu.Lock() }

// Unlock releases the caller's mu.
func Unlock(mu *sync.Mutex) { mu.Unlock() }

// Do locks mu around f, which it calls.
func Do(mu *sync.Mutex, f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

// Store holds a mutex reached from a package variable.
type Store struct {
	mu sync.RWMutex
	m  map[string]int
}

var Default Store

// Get read-locks Default.
func Get(k string) int {
	Default.mu.RLock()
	defer Default.mu.RUnlock()
	return Default.m[k]
}
