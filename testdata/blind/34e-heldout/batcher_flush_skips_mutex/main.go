// BAD: the collector goroutine started by New appends to b.pending while holding b.mu,
// but Flush swaps b.pending out without taking b.mu, so a Flush from any caller races
// with the collector.
package batcher

import (
	"sync"
	"time"
)

// Record is one row destined for the warehouse.
type Record struct {
	Table string
	Row   map[string]any
}

// Sink receives finished batches.
type Sink interface {
	WriteBatch(recs []Record) error
}

// Batcher groups records and hands them to a Sink.
type Batcher struct {
	mu      sync.Mutex
	sink    Sink
	in      chan Record
	pending []Record
	max     int
	stop    chan struct{}
}

// New returns a running Batcher.
func New(sink Sink, max int) *Batcher {
	b := &Batcher{
		sink: sink,
		in:   make(chan Record, max),
		max:  max,
		stop: make(chan struct{}),
	}
	go b.collect()
	return b
}

func (b *Batcher) collect() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case r := <-b.in:
			b.mu.Lock()
			b.pending = append(b.pending, r)
			full := len(b.pending) >= b.max
			b.mu.Unlock()
			if full {
				_ = b.Flush()
			}
		case <-t.C:
			_ = b.Flush()
		case <-b.stop:
			return
		}
	}
}

// Add queues a record.
func (b *Batcher) Add(r Record) { b.in <- r }

// Flush writes whatever is pending right now. Callers may invoke it at any time,
// e.g. before a checkpoint.
func (b *Batcher) Flush() error {
	batch := b.pending
	b.pending = nil // want "without a lock"
	if len(batch) == 0 {
		return nil
	}
	return b.sink.WriteBatch(batch)
}

// Close stops the collector.
func (b *Batcher) Close() error {
	close(b.stop)
	return nil
}
