// BAD: Stop waits on w.wg, but the flusher goroutine is started with plain `go`
// and never counted, so it can still be reading w.pending under w.mu when Stop
// sets the slice to nil without the lock.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// BatchWriter buffers log lines from several producers and flushes them
// periodically. Write is safe for concurrent use.
type BatchWriter struct {
	mu      sync.Mutex
	pending []string
	sink    func(batch []string)

	in   chan string
	quit chan struct{}
	wg   sync.WaitGroup
}

func NewBatchWriter(producers int, every time.Duration, sink func([]string)) *BatchWriter {
	w := &BatchWriter{
		sink: sink,
		in:   make(chan string, 128),
		quit: make(chan struct{}),
	}
	for i := 0; i < producers; i++ {
		w.wg.Add(1)
		go w.collect()
	}
	go w.flusher(every)
	return w
}

func (w *BatchWriter) collect() {
	defer w.wg.Done()
	for {
		select {
		case <-w.quit:
			return
		case line := <-w.in:
			w.mu.Lock()
			w.pending = append(w.pending, strings.TrimSpace(line))
			w.mu.Unlock()
		}
	}
}

func (w *BatchWriter) flusher(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-w.quit:
			return
		case <-t.C:
			w.flush()
		}
	}
}

func (w *BatchWriter) flush() {
	w.mu.Lock()
	batch := w.pending
	w.pending = nil
	w.mu.Unlock()
	if len(batch) > 0 {
		w.sink(batch)
	}
}

func (w *BatchWriter) Write(line string) {
	w.in <- line
}

// Stop shuts the writer down, discarding anything not yet flushed.
func (w *BatchWriter) Stop() {
	close(w.quit)
	w.wg.Wait()
	w.pending = nil // want "without holding|without a lock"
}

func main() {
	w := NewBatchWriter(2, 5*time.Millisecond, func(b []string) {
		fmt.Printf("flushed %d lines\n", len(b))
	})
	for i := 0; i < 20; i++ {
		w.Write(fmt.Sprintf("  line %d  ", i))
	}
	time.Sleep(15 * time.Millisecond)
	w.Stop()
}
