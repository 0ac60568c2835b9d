package flusher

import (
	"context"
	"io"
	"sync"
	"time"
)

// Flusher collects log lines and writes them out periodically.
type Flusher struct {
	mu  sync.Mutex
	buf []byte
	out io.Writer
	in  chan []byte
}

// Start launches the flush loop; it runs until ctx is cancelled.
func Start(ctx context.Context, out io.Writer, every time.Duration) *Flusher {
	f := &Flusher{out: out, in: make(chan []byte, 128)}
	go f.loop(ctx, every)
	return f
}

// Write queues p for the next flush.
func (f *Flusher) Write(p []byte) (int, error) {
	f.in <- append([]byte(nil), p...)
	return len(p), nil
}

func (f *Flusher) flush() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.buf) == 0 {
		return
	}
	f.out.Write(f.buf)
	f.buf = f.buf[:0]
}

func (f *Flusher) loop(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			f.flush()
			break
		case p := <-f.in:
			f.mu.Lock()
			f.buf = append(f.buf, p...)
			f.mu.Unlock()
		case <-tick.C:
			f.flush()
		}
	}
}

// Buffered reports how many bytes wait for the next flush.
func (f *Flusher) Buffered() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.buf)
}
