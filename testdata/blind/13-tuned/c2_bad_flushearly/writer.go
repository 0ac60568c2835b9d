// Class 2, BAD: when the writer is already closed Flush returns errClosed after locking w.mu but before the deferred func literal that calls unlock is registered, so w.mu stays locked and the next Write blocks forever.
package c2_bad_flushearly

import (
	"bufio"
	"errors"
	"io"
	"log"
	"sync"
)

var errClosed = errors.New("writer closed")

type SyncWriter struct {
	mu     sync.Mutex
	bw     *bufio.Writer
	closed bool
}

func NewSyncWriter(w io.Writer) *SyncWriter {
	return &SyncWriter{bw: bufio.NewWriter(w)}
}

func (w *SyncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return 0, errClosed
	}
	return w.bw.Write(p)
}

func (w *SyncWriter) Flush() (err error) {
	w.mu.Lock()
	unlock := func() { w.mu.Unlock() }
	if w.closed {
		return errClosed // WANT lockleak
	}
	defer func() {
		if r := recover(); r != nil {
			log.Printf("flush panicked: %v", r)
			err = errors.New("flush failed")
		}
		unlock()
	}()
	return w.bw.Flush()
}

func (w *SyncWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	return nil
}
