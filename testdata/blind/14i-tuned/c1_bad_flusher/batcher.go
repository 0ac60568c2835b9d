// Package batcher groups metric points and ships them to a sink in batches.
package batcher

import (
	"sync"
	"time"
)

// Point is a single metric sample.
type Point struct {
	Name  string
	Value float64
	At    time.Time
}

// Sink receives flushed batches.
type Sink interface {
	Write(points []Point) error
}

// Batcher buffers points and flushes them periodically.
type Batcher struct {
	mu       sync.Mutex
	buf      []Point
	sink     Sink
	interval time.Duration
	maxSize  int
	dropped  int
	closed   bool
}

// New creates a Batcher and starts its background flusher.
func New(sink Sink, interval time.Duration, maxSize int) *Batcher {
	b := &Batcher{
		sink:     sink,
		interval: interval,
		maxSize:  maxSize,
	}
	go b.flushLoop()
	return b
}

func (b *Batcher) flushLoop() {
	for {
		time.Sleep(b.interval)
		b.flush()
	}
}

// Add queues a point; points beyond maxSize are dropped.
func (b *Batcher) Add(p Point) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	if len(b.buf) >= b.maxSize {
		b.dropped++
		return
	}
	b.buf = append(b.buf, p)
}

func (b *Batcher) flush() {
	b.mu.Lock()
	pending := b.buf
	b.buf = nil
	b.mu.Unlock()
	if len(pending) == 0 {
		return
	}
	if err := b.sink.Write(pending); err != nil {
		b.mu.Lock()
		b.dropped += len(pending)
		b.mu.Unlock()
	}
}

// Dropped reports how many points were discarded.
func (b *Batcher) Dropped() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dropped
}

// Close flushes what is buffered and rejects further points.
func (b *Batcher) Close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.flush()
}
