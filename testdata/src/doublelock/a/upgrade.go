package a

import "sync"

// Gauges keep named values; evict lives in upgrade_evict.go.
type Gauges struct {
	mu   sync.RWMutex
	vals map[string]float64
	max  int
}

// Bad: a read-locked lookup that upgrades through a helper of another
// file: the helper's Lock waits for every reader, the caller too.
func (g *Gauges) Value(name string) float64 {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if len(g.vals) > g.max {
		g.evict() // want `evict locks g.mu, which is read-locked: upgrading a read lock deadlocks`
	}
	return g.vals[name]
}

// Silent: the read lock is released before the helper locks.
func (g *Gauges) Trim() {
	g.mu.RLock()
	over := len(g.vals) > g.max
	g.mu.RUnlock()
	if over {
		g.evict()
	}
}
