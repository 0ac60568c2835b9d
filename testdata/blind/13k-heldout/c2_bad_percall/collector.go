// Package stats aggregates timing samples reported by request handlers.
package stats

import (
	"sort"
	"time"
)

// Sample is one measured duration for a named operation.
type Sample struct {
	Op  string
	Dur time.Duration
}

// Collector aggregates samples in a single goroutine.
type Collector struct {
	in      chan Sample
	query   chan chan map[string]time.Duration
	quit    chan struct{}
	stopped chan struct{}
}

// NewCollector starts the aggregation loop.
func NewCollector() *Collector {
	c := &Collector{
		in:      make(chan Sample),
		query:   make(chan chan map[string]time.Duration),
		quit:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go c.loop()
	return c
}

func (c *Collector) loop() {
	defer close(c.stopped)
	samples := map[string][]time.Duration{}
	for {
		select {
		case <-c.quit:
			return
		case s := <-c.in:
			samples[s.Op] = append(samples[s.Op], s.Dur)
		case reply := <-c.query:
			reply <- medians(samples)
		}
	}
}

func medians(m map[string][]time.Duration) map[string]time.Duration {
	out := make(map[string]time.Duration, len(m))
	for op, ds := range m {
		s := append([]time.Duration(nil), ds...)
		sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
		out[op] = s[len(s)/2]
	}
	return out
}

// Observe records a sample without blocking the caller.
func (c *Collector) Observe(op string, d time.Duration) {
	go func() {
		c.in <- Sample{Op: op, Dur: d}
	}()
}

// Medians returns the current median per operation.
func (c *Collector) Medians() map[string]time.Duration {
	reply := make(chan map[string]time.Duration)
	c.query <- reply
	return <-reply
}

// Close stops the loop and releases the input channel.
func (c *Collector) Close() {
	close(c.quit)
	<-c.stopped
	close(c.in)
}
