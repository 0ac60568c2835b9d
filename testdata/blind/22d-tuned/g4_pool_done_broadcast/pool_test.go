package g4_pool_done_broadcast

import (
	"context"
	"errors"
	"testing"
)

func TestPool(t *testing.T) {
	p := NewPool(3)
	want := errors.New("boom")
	if err := p.Do(func(context.Context) error { return want }); err != want {
		t.Fatalf("got %v", err)
	}
	p.Close()
	p.Close()
	if err := p.Do(func(context.Context) error { return nil }); err != ErrClosed {
		t.Fatalf("want ErrClosed, got %v", err)
	}
}
