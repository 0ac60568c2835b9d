package flusher

import (
	"context"
	"io"
	"sync"
	"time"
)

// BufferedLog batches lines and writes them out from a flusher goroutine.
type BufferedLog struct {
	mu      sync.Mutex
	w       io.Writer
	pending [][]byte
	cancel  context.CancelFunc
	done    chan struct{}

	// Owned by the flusher goroutine while it runs.
	flushes int
	written int64
}

func NewBufferedLog(w io.Writer) *BufferedLog {
	return &BufferedLog{w: w}
}

func (l *BufferedLog) Write(p []byte) (int, error) {
	b := append([]byte(nil), p...)
	l.mu.Lock()
	l.pending = append(l.pending, b)
	l.mu.Unlock()
	return len(p), nil
}

// Start (re)starts the flusher. Any running flusher is stopped first and
// its counters are cleared once it has finished.
func (l *BufferedLog) Start(every time.Duration) {
	l.mu.Lock()
	cancel, done := l.cancel, l.done
	l.mu.Unlock()

	if cancel != nil {
		cancel()
		<-done
	}

	ctx, cancel := context.WithCancel(context.Background())
	done = make(chan struct{})

	l.mu.Lock()
	l.flushes = 0
	l.written = 0
	l.cancel = cancel
	l.done = done
	l.mu.Unlock()

	go l.run(ctx, every, done)
}

func (l *BufferedLog) Stop() {
	l.mu.Lock()
	cancel, done := l.cancel, l.done
	l.cancel, l.done = nil, nil
	l.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

func (l *BufferedLog) run(ctx context.Context, every time.Duration, done chan struct{}) {
	defer close(done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			l.mu.Lock()
			batch := l.pending
			l.pending = nil
			l.mu.Unlock()
			for _, line := range batch {
				n, _ := l.w.Write(line)
				l.written += int64(n)
			}
			l.flushes++
		}
	}
}
