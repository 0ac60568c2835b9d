// Package lib is imported by unlockedwrite/a to exercise facts.
package lib

import "sync"

// Guard is a mutex wrapper: Enter returns with mu held.
type Guard struct {
	mu sync.Mutex
}

func (g *Guard) Enter() { g.mu.Lock() }
func (g *Guard) Leave() { g.mu.Unlock() }
