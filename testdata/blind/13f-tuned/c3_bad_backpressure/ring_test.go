package capture

import (
	"testing"
	"time"
)

func TestPutResumesAfterTake(t *testing.T) {
	b := NewBuffer(1)
	defer b.Stop()
	b.Put(Frame{Index: 0})

	resumed := make(chan struct{})
	go func() {
		defer func() { recover() }()
		b.Put(Frame{Index: 1})
		resumed <- struct{}{}
	}()

	time.Sleep(10 * time.Millisecond)
	if f, ok := b.Take(); !ok || f.Index != 0 {
		t.Fatalf("Take = %v, %v", f, ok)
	}

	select {
	case <-resumed:
	case <-time.After(100 * time.Millisecond):
		t.Fatal("Put did not resume after Take freed a slot")
	}
	if f, ok := b.Take(); !ok || f.Index != 1 {
		t.Fatalf("second Take = %v, %v", f, ok)
	}
}
