package b2_batch_writer

import (
	"time"
)

// Record is one row destined for the sink.
type Record struct {
	Key   string
	Value []byte
}

// Sink persists a batch of records.
type Sink interface {
	WriteBatch(batch []Record) error
}

// Writer groups records into batches, flushing when a batch is full or when
// maxDelay has passed since the last flush.
type Writer struct {
	in       chan Record
	sink     Sink
	maxBatch int
	maxDelay time.Duration

	// owned by run()
	buf         []Record
	deadlineHit bool
	flushes     int
	lastErr     error

	done chan struct{}
}

// NewWriter starts the batching goroutine.
func NewWriter(sink Sink, maxBatch int, maxDelay time.Duration) *Writer {
	w := &Writer{
		in:       make(chan Record, maxBatch),
		sink:     sink,
		maxBatch: maxBatch,
		maxDelay: maxDelay,
		buf:      make([]Record, 0, maxBatch),
		done:     make(chan struct{}),
	}
	go w.run()
	return w
}

// Write queues r for the next batch.
func (w *Writer) Write(r Record) {
	w.in <- r
}

// Close flushes what is buffered and returns the last sink error, if any.
func (w *Writer) Close() error {
	close(w.in)
	<-w.done
	return w.lastErr
}

// flush hands the buffer to the sink and starts a fresh batching window.
func (w *Writer) flush() {
	if len(w.buf) > 0 {
		if err := w.sink.WriteBatch(w.buf); err != nil {
			w.lastErr = err
		}
		w.flushes++
	}
	w.buf = w.buf[:0]
	w.deadlineHit = false
}

func (w *Writer) run() {
	defer close(w.done)
	t := time.NewTimer(w.maxDelay)
	defer t.Stop()
	for {
		select {
		case r, ok := <-w.in:
			if !ok {
				w.flush()
				return
			}
			w.buf = append(w.buf, r)
			if len(w.buf) < w.maxBatch {
				continue
			}
		case <-t.C:
			w.deadlineHit = true
		}
		w.flush()
		if !w.deadlineHit && !t.Stop() {
			<-t.C // BAD: flush() already cleared deadlineHit, so after the deadline case took the timer's value Stop returns false and this receive never completes
		}
		t.Reset(w.maxDelay)
	}
}
