// Package stats counts events in the background.
package stats

import "sync/atomic"

// Counter counts events.
type Counter struct {
	n atomic.Int64
}

// Record counts n events in the background.
func (c *Counter) Record(n int) {
	go func() {
		for i := 0; i < n; i++ {
			c.n.Add(1)
		}
	}()
}

// Total is the number of events recorded so far.
func (c *Counter) Total() int64 { return c.n.Load() }
