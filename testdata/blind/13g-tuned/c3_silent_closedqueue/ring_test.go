package spool

import (
	"testing"
	"time"
)

func TestAppendBlocksUntilShutdown(t *testing.T) {
	s := NewSpool(1)
	s.Append(Record{Key: "first"})

	returned := make(chan struct{})
	go func() {
		defer func() { recover() }()
		s.Append(Record{Key: "second"})
		returned <- struct{}{}
	}()

	select {
	case <-returned:
		t.Fatal("Append on a full spool did not block")
	case <-time.After(30 * time.Millisecond):
	}
	s.Shutdown()
}

func TestTakeAfterShutdownDrains(t *testing.T) {
	s := NewSpool(4)
	s.Append(Record{Key: "a"})
	s.Shutdown()
	if r, err := s.Take(); err != nil || r.Key != "a" {
		t.Fatalf("Take = %+v, %v", r, err)
	}
	if _, err := s.Take(); err != ErrClosed {
		t.Fatalf("Take on drained spool: err = %v, want ErrClosed", err)
	}
}
