package b4_batch_flusher

import (
	"bufio"
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// ErrStopped is returned by Add after Stop.
var ErrStopped = errors.New("flusher: stopped")

// Flusher batches audit lines and appends them to a file, either when a
// batch fills up or when the flush interval elapses.
type Flusher struct {
	path     string
	maxBatch int
	every    time.Duration

	in      chan string
	stopped atomic.Bool

	mu    sync.Mutex
	f     *os.File
	w     *bufio.Writer
	batch []string
}

// New opens path for appending.
func New(path string, maxBatch int, every time.Duration) (*Flusher, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &Flusher{
		path:     path,
		maxBatch: maxBatch,
		every:    every,
		in:       make(chan string, 256),
		f:        f,
		w:        bufio.NewWriter(f),
	}, nil
}

// Start launches the batching loop.
func (fl *Flusher) Start() {
	go fl.run() // BAD: run loops on ticker and input channel with no exit; Stop flips a flag and closes the file but run never sees it
}

func (fl *Flusher) run() {
	t := time.NewTicker(fl.every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			fl.flush()
		case line := <-fl.in:
			fl.mu.Lock()
			fl.batch = append(fl.batch, line)
			full := len(fl.batch) >= fl.maxBatch
			fl.mu.Unlock()
			if full {
				fl.flush()
			}
		}
	}
}

// Add queues one line.
func (fl *Flusher) Add(line string) error {
	if fl.stopped.Load() {
		return ErrStopped
	}
	fl.in <- line
	return nil
}

func (fl *Flusher) flush() {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	if fl.f == nil {
		fl.batch = fl.batch[:0]
		return
	}
	for _, l := range fl.batch {
		fl.w.WriteString(l)
		fl.w.WriteByte('\n')
	}
	fl.batch = fl.batch[:0]
	fl.w.Flush()
}

// Stop rejects further lines, writes what is buffered and closes the file.
func (fl *Flusher) Stop() error {
	if !fl.stopped.CompareAndSwap(false, true) {
		return nil
	}
	fl.flush()
	fl.mu.Lock()
	defer fl.mu.Unlock()
	err := fl.f.Close()
	fl.f = nil
	return err
}
