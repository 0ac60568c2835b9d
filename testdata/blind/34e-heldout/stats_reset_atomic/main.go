// GOOD: the sampler goroutine started by NewMonitor and the exported Reset both touch
// the counters only through sync/atomic, so Reset may be called at any time safely.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// Monitor samples a gauge in the background and keeps simple statistics.
type Monitor struct {
	gauge   func() int64
	samples atomic.Int64
	total   atomic.Int64
	peak    atomic.Int64
	stop    chan struct{}
}

// NewMonitor starts sampling gauge every period.
func NewMonitor(gauge func() int64, period time.Duration) *Monitor {
	m := &Monitor{gauge: gauge, stop: make(chan struct{})}
	go m.sample(period)
	return m
}

func (m *Monitor) sample(period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			v := m.gauge()
			m.samples.Add(1)
			m.total.Add(v)
			for {
				p := m.peak.Load()
				if v <= p || m.peak.CompareAndSwap(p, v) {
					break
				}
			}
		case <-m.stop:
			return
		}
	}
}

// Reset clears the statistics, e.g. at the start of a reporting window.
func (m *Monitor) Reset() {
	m.samples.Store(0)
	m.total.Store(0)
	m.peak.Store(0)
}

// Mean returns the average sampled value since the last Reset.
func (m *Monitor) Mean() float64 {
	n := m.samples.Load()
	if n == 0 {
		return 0
	}
	return float64(m.total.Load()) / float64(n)
}

// Peak returns the largest sampled value since the last Reset.
func (m *Monitor) Peak() int64 { return m.peak.Load() }

// Stop ends sampling.
func (m *Monitor) Stop() { close(m.stop) }

func main() {
	var depth atomic.Int64
	m := NewMonitor(func() int64 { return depth.Add(3) % 17 }, 2*time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Printf("mean=%.1f peak=%d\n", m.Mean(), m.Peak())
	m.Reset()
	time.Sleep(20 * time.Millisecond)
	fmt.Printf("mean=%.1f peak=%d\n", m.Mean(), m.Peak())
	m.Stop()
}
