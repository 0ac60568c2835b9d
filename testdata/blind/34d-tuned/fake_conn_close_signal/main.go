// GOOD: the test blocks on a receive from the fake connection's closed channel, and the
// fake's Close closes that channel, which Shutdown's drain goroutine always calls.

// Package batcher buffers outgoing records and writes them to a connection.
package batcher

import (
	"sync"
)

// Conn is the transport used by a Batcher.
type Conn interface {
	Write(batch [][]byte) error
	Close() error
}

// Batcher accumulates records and writes them in batches.
type Batcher struct {
	conn Conn
	max  int

	mu      sync.Mutex
	pending [][]byte
	err     error
}

// New returns a Batcher that writes when max records are pending.
func New(conn Conn, max int) *Batcher {
	return &Batcher{conn: conn, max: max}
}

// Append queues rec, writing a batch when the buffer is full.
func (b *Batcher) Append(rec []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = append(b.pending, rec)
	if len(b.pending) < b.max {
		return nil
	}
	return b.flushLocked()
}

func (b *Batcher) flushLocked() error {
	if len(b.pending) == 0 {
		return nil
	}
	err := b.conn.Write(b.pending)
	b.pending = nil
	if err != nil && b.err == nil {
		b.err = err
	}
	return err
}

// Shutdown flushes any pending records and closes the connection in the
// background; it returns immediately.
func (b *Batcher) Shutdown() {
	go func() {
		b.mu.Lock()
		b.flushLocked()
		b.mu.Unlock()
		b.conn.Close()
	}()
}
