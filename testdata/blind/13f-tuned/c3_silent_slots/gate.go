// Package admission limits how many uploads the API processes at once.
package admission

import "sync"

type Gate struct {
	slots    chan struct{}
	shut     chan struct{}
	shutOnce sync.Once
}

func NewGate(n int) *Gate {
	return &Gate{slots: make(chan struct{}, n), shut: make(chan struct{})}
}

// Enter waits for a free slot. Entering a gate that has been shut down
// panics, because callers must stop submitting work before Shutdown.
func (g *Gate) Enter() {
	select {
	case g.slots <- struct{}{}:
	case <-g.shut:
		panic("admission: Enter after Shutdown")
	}
}

func (g *Gate) TryEnter() bool {
	select {
	case g.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

func (g *Gate) Leave() { <-g.slots }

func (g *Gate) InFlight() int { return len(g.slots) }

func (g *Gate) Shutdown() {
	g.shutOnce.Do(func() { close(g.shut) })
}
