package batcher

import (
	"sync"
	"time"
)

// Record is one row to be written.
type Record struct {
	Key   string
	Value []byte
}

// Batcher groups records and writes them in batches from a single worker.
type Batcher struct {
	in    chan Record
	write func([]Record) error
	size  int
	wait  time.Duration
	wg    sync.WaitGroup
	once  sync.Once

	errMu sync.Mutex
	err   error
}

// New starts the batching worker.
func New(size int, wait time.Duration, write func([]Record) error) *Batcher {
	b := &Batcher{in: make(chan Record, size), write: write, size: size, wait: wait}
	b.wg.Add(1)
	go b.worker()
	return b
}

// Put queues a record. It must not be called after Close.
func (b *Batcher) Put(r Record) { b.in <- r }

func (b *Batcher) worker() {
	defer b.wg.Done()
	batch := make([]Record, 0, b.size)
	timer := time.NewTimer(b.wait)
	defer timer.Stop()
	flush := func() {
		if len(batch) == 0 {
			return
		}
		if err := b.write(batch); err != nil {
			b.errMu.Lock()
			b.err = err
			b.errMu.Unlock()
		}
		batch = make([]Record, 0, b.size)
	}
	for {
		select {
		case r, ok := <-b.in:
			if !ok {
				flush()
				return
			}
			batch = append(batch, r)
			if len(batch) >= b.size {
				flush()
			}
		case <-timer.C:
			flush()
			timer.Reset(b.wait)
		}
	}
}

// Close flushes what is left and stops the worker.
func (b *Batcher) Close() error {
	b.once.Do(func() { close(b.in) })
	b.wg.Wait()
	b.errMu.Lock()
	defer b.errMu.Unlock()
	return b.err
}
