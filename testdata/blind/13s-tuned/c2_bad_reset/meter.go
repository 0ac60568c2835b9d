package meter

import (
	"sync"
	"sync/atomic"
	"time"
)

// Meter counts events and exposes a per-second rate that is recomputed by
// a shared background ticker.
type Meter struct {
	name  string
	count atomic.Int64
	last  int64
	rate  atomic.Int64
}

var (
	mu      sync.Mutex
	started bool
	meters  []*Meter
)

// NewMeter registers a meter and makes sure the rate loop is running.
func NewMeter(name string) *Meter {
	m := &Meter{name: name}
	mu.Lock()
	meters = append(meters, m)
	if !started {
		started = true
		go tickLoop()
	}
	mu.Unlock()
	return m
}

func (m *Meter) Mark(n int64) { m.count.Add(n) }

func (m *Meter) Rate() int64 { return m.rate.Load() }

// Reset forgets all registered meters. Meters created afterwards start
// from a clean registry.
func Reset() {
	mu.Lock()
	meters = nil
	started = false
	mu.Unlock()
}

func tickLoop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C {
		mu.Lock()
		for _, m := range meters {
			c := m.count.Load()
			m.rate.Store(c - m.last)
			m.last = c
		}
		mu.Unlock()
	}
}
