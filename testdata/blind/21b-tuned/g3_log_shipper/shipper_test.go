package g3_log_shipper

import (
	"errors"
	"sync"
	"testing"
)

type flakySink struct {
	mu    sync.Mutex
	calls int
}

func (f *flakySink) Write(batch []Entry) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.calls%3 == 0 {
		return errors.New("503")
	}
	return nil
}

func TestFlushCountsAcked(t *testing.T) {
	s := NewShipper(&flakySink{}, 4, 2)
	for i := range 10 {
		s.Append(Entry{Seq: i, Line: "x"})
	}
	n, err := s.Flush()
	if err == nil {
		t.Fatal("expected an error from the flaky sink")
	}
	if n == 0 || n >= 10 {
		t.Fatalf("acked %d", n)
	}
}
