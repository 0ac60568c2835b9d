// GOOD: the receive from fc.closed is matched by close(f.closed) in the fake's Close,
// which the background drain started by Shutdown always reaches.

package batcher

import (
	"sync"
	"testing"
)

type fakeConn struct {
	mu      sync.Mutex
	batches [][][]byte
	closed  chan struct{}
}

func newFakeConn() *fakeConn {
	return &fakeConn{closed: make(chan struct{})}
}

func (f *fakeConn) Write(batch [][]byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.batches = append(f.batches, batch)
	return nil
}

func (f *fakeConn) Close() error {
	close(f.closed)
	return nil
}

func (f *fakeConn) batchSizes() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	var sizes []int
	for _, b := range f.batches {
		sizes = append(sizes, len(b))
	}
	return sizes
}

func TestShutdownFlushesAndCloses(t *testing.T) {
	fc := newFakeConn()
	b := New(fc, 2)
	for _, rec := range []string{"a", "b", "c"} {
		if err := b.Append([]byte(rec)); err != nil {
			t.Fatalf("Append(%q): %v", rec, err)
		}
	}

	b.Shutdown()
	<-fc.closed

	sizes := fc.batchSizes()
	if len(sizes) != 2 || sizes[0] != 2 || sizes[1] != 1 {
		t.Fatalf("batch sizes = %v, want [2 1]", sizes)
	}
}
