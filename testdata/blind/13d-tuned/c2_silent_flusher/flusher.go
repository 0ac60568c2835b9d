package batchlog

import (
	"bytes"
	"io"
	"sync"
	"time"
)

// Writer buffers log lines and writes them to the sink in batches,
// either periodically or when asked to via Flush.
type Writer struct {
	sink     io.Writer
	interval time.Duration

	mu  sync.Mutex
	buf bytes.Buffer

	flushReq chan chan error
	stop     chan struct{}
	stopped  chan struct{}
}

func NewWriter(sink io.Writer, interval time.Duration) *Writer {
	w := &Writer{
		sink:     sink,
		interval: interval,
		flushReq: make(chan chan error),
		stop:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
	go w.run()
	return w
}

func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func (w *Writer) run() {
	defer close(w.stopped)
	tick := time.NewTicker(w.interval)
	defer tick.Stop()
	for {
		select {
		case <-w.stop:
			w.writeOut()
			return
		case reply := <-w.flushReq:
			reply <- w.writeOut()
		case <-tick.C:
			if w.pending() == 0 {
				break
			}
			w.writeOut()
		}
	}
}

func (w *Writer) pending() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Len()
}

func (w *Writer) writeOut() error {
	w.mu.Lock()
	data := append([]byte(nil), w.buf.Bytes()...)
	w.buf.Reset()
	w.mu.Unlock()
	if len(data) == 0 {
		return nil
	}
	_, err := w.sink.Write(data)
	return err
}

// Flush writes everything buffered so far.
func (w *Writer) Flush() error {
	reply := make(chan error, 1)
	select {
	case w.flushReq <- reply:
		return <-reply
	case <-w.stopped:
		return nil
	}
}

// Close stops the background loop after a final write.
func (w *Writer) Close() {
	close(w.stop)
	<-w.stopped
}
