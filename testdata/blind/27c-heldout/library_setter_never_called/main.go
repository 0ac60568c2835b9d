// GOOD: SetFlushInterval and SetMaxBatch are plain configuration setters; the flush goroutine
// is started only by Run, and nothing in this package calls the setters at all, so callers
// configure the Batcher before Run as documented.
package batcher

import (
	"context"
	"time"
)

// Batcher groups items and hands them to a sink either when the batch is full or
// when the flush interval elapses. Configure it with the setters, then call Run.
type Batcher struct {
	in            chan string
	sink          func([]string)
	flushInterval time.Duration
	maxBatch      int
}

// New returns a Batcher with default settings.
func New(sink func([]string)) *Batcher {
	return &Batcher{
		in:            make(chan string, 128),
		sink:          sink,
		flushInterval: time.Second,
		maxBatch:      100,
	}
}

// SetFlushInterval sets how long items may wait before being flushed.
// It must be called before Run.
func (b *Batcher) SetFlushInterval(d time.Duration) {
	b.flushInterval = d
}

// SetMaxBatch sets the maximum number of items per batch. It must be called before Run.
func (b *Batcher) SetMaxBatch(n int) {
	b.maxBatch = n
}

// Add enqueues an item for the flush goroutine.
func (b *Batcher) Add(item string) {
	b.in <- item
}

// Run starts the flush goroutine; it stops when ctx is cancelled.
func (b *Batcher) Run(ctx context.Context) {
	go b.loop(ctx)
}

func (b *Batcher) loop(ctx context.Context) {
	ticker := time.NewTicker(b.flushInterval)
	defer ticker.Stop()
	batch := make([]string, 0, b.maxBatch)
	flush := func() {
		if len(batch) == 0 {
			return
		}
		b.sink(batch)
		batch = make([]string, 0, b.maxBatch)
	}
	for {
		select {
		case <-ctx.Done():
			flush()
			return
		case item := <-b.in:
			batch = append(batch, item)
			if len(batch) >= b.maxBatch {
				flush()
			}
		case <-ticker.C:
			flush()
		}
	}
}
