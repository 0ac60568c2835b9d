package bufpool

import (
	"testing"
	"time"
)

func TestGetReusesBuffers(t *testing.T) {
	p := New(1, 64)
	b := p.Get()
	b[0] = 'x'
	p.Put(b)
	if c := p.Get(); c[0] != 'x' {
		t.Fatalf("expected reused buffer")
	}
}

func TestGetAfterClose(t *testing.T) {
	p := New(2, 16)
	p.Close()

	got := make(chan struct{})
	go func() {
		defer func() { recover() }()
		p.Get()
		got <- struct{}{}
	}()

	select {
	case <-got:
		t.Fatal("Get on a closed pool returned a buffer")
	case <-time.After(20 * time.Millisecond):
	}
}
