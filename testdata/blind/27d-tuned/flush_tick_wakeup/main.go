// BAD: a periodic "re-check" tick Broadcasts without advancing flushedSeq, and each flush
// may only reach a lower sequence, yet WaitFlushed checks `flushedSeq < seq` once under `if`.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// WAL is a toy write-ahead log that flushes records in the background.
type WAL struct {
	mu         sync.Mutex
	cond       *sync.Cond
	pending    []string
	nextSeq    uint64
	flushedSeq uint64
	disk       strings.Builder
	stop       chan struct{}
}

func NewWAL() *WAL {
	w := &WAL{stop: make(chan struct{})}
	w.cond = sync.NewCond(&w.mu)
	go w.flusher(2 * time.Millisecond)
	return w
}

// Append queues a record and returns its sequence number.
func (w *WAL) Append(rec string) uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.nextSeq++
	w.pending = append(w.pending, rec)
	return w.nextSeq
}

// WaitFlushed blocks until record seq has reached disk.
func (w *WAL) WaitFlushed(seq uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.flushedSeq < seq {
		w.cond.Wait() // want "Wait called under if"
	}
}

func (w *WAL) flushOnce() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.pending) == 0 {
		return
	}
	// Flush at most two records per round to bound the write size.
	n := len(w.pending)
	if n > 2 {
		n = 2
	}
	for _, rec := range w.pending[:n] {
		w.disk.WriteString(rec + "\n")
	}
	w.pending = w.pending[n:]
	w.flushedSeq += uint64(n)
	w.cond.Broadcast()
}

func (w *WAL) flusher(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.flushOnce()
			// Wake everyone so they can re-check, in case of a missed signal.
			w.cond.Broadcast()
		}
	}
}

func (w *WAL) Close() { close(w.stop) }

func main() {
	wal := NewWAL()
	defer wal.Close()
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			seq := wal.Append(fmt.Sprintf("put key%d=v%d", i, i))
			wal.WaitFlushed(seq)
			fmt.Println("committed", seq)
		}(i)
	}
	wg.Wait()
}
