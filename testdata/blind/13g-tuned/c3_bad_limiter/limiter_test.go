package conns

import (
	"testing"
	"time"
)

func TestAcquireWaitsForRelease(t *testing.T) {
	l := NewLimiter(2)
	l.Acquire()
	l.Acquire()

	acquired := make(chan struct{})
	go func() {
		defer func() { recover() }()
		l.Acquire()
		acquired <- struct{}{}
	}()

	select {
	case <-acquired:
		t.Fatal("third Acquire succeeded with limit 2")
	case <-time.After(40 * time.Millisecond):
	}

	l.Release()
	deadline := time.Now().Add(time.Second)
	for l.InUse() != 2 {
		if time.Now().After(deadline) {
			t.Fatalf("InUse = %d after release, want 2", l.InUse())
		}
		time.Sleep(time.Millisecond)
	}
}

func TestReleaseBelowZero(t *testing.T) {
	l := NewLimiter(1)
	l.Release()
	if n := l.InUse(); n != 0 {
		t.Fatalf("InUse = %d, want 0", n)
	}
}
