package a

import "sync"

// Thin evidence (two locked functions of three for each field) but a bare exported
// method: a client may call Reset or SetLimit at any time, beside Add
// Count and Limit, and nothing in them could order them after those.
type Throttle struct {
	mu    sync.Mutex
	n     int
	limit int
}

func (m *Throttle) Add() {
	m.mu.Lock()
	if m.n < m.limit {
		m.n++
	}
	m.mu.Unlock()
}

func (m *Throttle) Limit() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.limit = max(m.limit, 1)
	return m.limit
}

func (m *Throttle) Count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.n
}

func (m *Throttle) Reset() { m.n = 0 } // want `write to m.n without holding m.mu, which guards it in 2 of 3 functions that access it`

func (m *Throttle) SetLimit(n int) { m.limit = n } // want `write to m.limit without holding m.mu`

// On the same thin evidence, silent: an unexported reset (run where
// its callers know nothing else runs), and an exported one that first
// waits for the workers, which orders it after them.
type Level struct {
	mu sync.Mutex
	wg sync.WaitGroup
	v  int
}

func (g *Level) Inc() {
	g.mu.Lock()
	g.v++
	g.mu.Unlock()
}

func (g *Level) Value() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.v
}

func (g *Level) reset() { g.v = 0 }

func (g *Level) Close() {
	g.wg.Wait()
	g.v = 0
}
