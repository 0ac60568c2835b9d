package dbpool

import (
	"testing"
	"time"
)

func TestReleaseReturnsToken(t *testing.T) {
	p := NewPool(2)
	a := p.Acquire()
	p.Release(a)
	b := p.Acquire()
	if b.ID != a.ID {
		t.Fatalf("got token %d, want recycled %d", b.ID, a.ID)
	}
}

func TestAcquireWaitsWhenExhausted(t *testing.T) {
	p := NewPool(1)
	held := p.Acquire()
	t.Cleanup(func() { p.Release(held) })

	acquired := make(chan struct{})
	go func() {
		defer func() { recover() }()
		p.Acquire()
		acquired <- struct{}{}
	}()

	select {
	case <-acquired:
		t.Fatal("Acquire returned from an exhausted pool")
	case <-time.After(30 * time.Millisecond):
	}
}
