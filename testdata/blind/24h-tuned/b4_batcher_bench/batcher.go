// Package b4_batcher_bench groups items into fixed-size batches.
package b4_batcher_bench

import "sync"

// Batcher accumulates items and emits a batch every size items.
type Batcher struct {
	mu      sync.Mutex
	size    int
	pending []int
	flushed chan []int
	total   int
}

// NewBatcher returns a batcher emitting batches of size items on Flushed.
func NewBatcher(size, backlog int) *Batcher {
	return &Batcher{size: size, flushed: make(chan []int, backlog)}
}

// Flushed delivers completed batches.
func (b *Batcher) Flushed() <-chan []int { return b.flushed }

// Add appends v, emitting a batch when full.
func (b *Batcher) Add(v int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = append(b.pending, v)
	b.total++
	if len(b.pending) >= b.size {
		b.flushLocked()
	}
}

// Flush emits whatever is pending.
func (b *Batcher) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.pending) > 0 {
		b.flushLocked()
	}
}

func (b *Batcher) flushLocked() {
	batch := b.pending
	b.pending = make([]int, 0, b.size)
	b.flushed <- batch
}

// Total reports how many items were added.
func (b *Batcher) Total() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.total
}
