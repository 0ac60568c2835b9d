package tsdb

import (
	"io"
	"sync"
	"time"
)

type Point struct {
	Series uint32
	TS     int64
	Value  float64
}

type BatchWriter struct {
	mu      sync.Mutex
	buf     []Point
	out     io.Writer
	written int
	stopped bool

	quit chan struct{}
	done chan struct{}
}

func NewBatchWriter(out io.Writer, interval time.Duration) *BatchWriter {
	w := &BatchWriter{out: out, quit: make(chan struct{}), done: make(chan struct{})}
	go w.loop(interval)
	return w
}

func (w *BatchWriter) Add(p Point) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.stopped {
		w.buf = append(w.buf, p)
	}
}

func (w *BatchWriter) loop(interval time.Duration) {
	defer close(w.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			w.flush()
		case <-w.quit:
			w.flush()
			return
		}
	}
}

func (w *BatchWriter) Stop() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		return w.written
	}
	w.stopped = true
	close(w.quit)
	<-w.done
	return w.written
}
