// Class 3, SILENT: flushLocked assigns a fresh make(chan struct{}) to l.flushing before it closes it, so the two flushLocked calls in Checkpoint each close their own channel and no channel is closed twice.
package c3_silent_publishready

import (
	"io"
	"sync"
)

type Log struct {
	mu       sync.Mutex
	out      io.Writer
	pending  [][]byte
	flushing chan struct{} // non-nil while a flush is in progress
}

func NewLog(w io.Writer) *Log { return &Log{out: w} }

func (l *Log) Append(rec []byte) {
	l.mu.Lock()
	l.pending = append(l.pending, rec)
	l.mu.Unlock()
}

// flushLocked writes the pending records with l.mu released; callers that
// arrive meanwhile can wait on l.flushing. Called with l.mu held.
func (l *Log) flushLocked() error {
	for l.flushing != nil { // one flusher at a time
		ch := l.flushing
		l.mu.Unlock()
		<-ch
		l.mu.Lock()
	}
	batch := l.pending
	l.pending = nil
	l.flushing = make(chan struct{})
	l.mu.Unlock()
	var err error
	for _, rec := range batch {
		if _, err = l.out.Write(rec); err != nil {
			break
		}
	}
	l.mu.Lock()
	close(l.flushing)
	l.flushing = nil
	return err
}

// Wait blocks until the flush in progress, if any, has finished.
func (l *Log) Wait() {
	l.mu.Lock()
	ch := l.flushing
	l.mu.Unlock()
	if ch != nil {
		<-ch
	}
}

// Checkpoint flushes twice: once for the records, once for the marker.
func (l *Log) Checkpoint(marker []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.flushLocked(); err != nil {
		return err
	}
	l.pending = append(l.pending, marker)
	return l.flushLocked()
}
