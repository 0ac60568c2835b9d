// BAD: main starts `go f.Run(ctx)` and Run performs f.wg.Add(1) only once the new
// goroutine is scheduled, so Shutdown's f.wg.Wait() can observe a zero counter and
// return before Run ever registers itself, dropping the final flush.
package main

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"
)

// Flusher periodically drains buffered counters to a sink.
type Flusher struct {
	mu       sync.Mutex
	counters map[string]int64
	interval time.Duration
	sink     func(map[string]int64)

	wg     sync.WaitGroup
	cancel context.CancelFunc
}

func NewFlusher(interval time.Duration, sink func(map[string]int64)) *Flusher {
	return &Flusher{
		counters: make(map[string]int64),
		interval: interval,
		sink:     sink,
	}
}

// Incr bumps a named counter.
func (f *Flusher) Incr(name string, delta int64) {
	f.mu.Lock()
	f.counters[name] += delta
	f.mu.Unlock()
}

func (f *Flusher) flush() {
	f.mu.Lock()
	snapshot := f.counters
	f.counters = make(map[string]int64)
	f.mu.Unlock()
	if len(snapshot) > 0 {
		f.sink(snapshot)
	}
}

// Run flushes on every tick until ctx is cancelled, then flushes once more.
func (f *Flusher) Run(ctx context.Context) {
	f.wg.Add(1) // want "WaitGroup.Add called"
	defer f.wg.Done()

	ticker := time.NewTicker(f.interval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			f.flush()
		case <-ctx.Done():
			f.flush()
			return
		}
	}
}

// Shutdown stops Run and waits for its final flush.
func (f *Flusher) Shutdown() {
	if f.cancel != nil {
		f.cancel()
	}
	f.wg.Wait()
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	f := NewFlusher(50*time.Millisecond, func(m map[string]int64) {
		for k, v := range m {
			fmt.Printf("flush %s=%d\n", k, v)
		}
	})
	f.cancel = cancel

	go f.Run(ctx)

	for i := 0; i < 3; i++ {
		f.Incr("requests", 1)
	}
	f.Incr("errors", 1)

	f.Shutdown()
	log.Println("flusher stopped")
}
