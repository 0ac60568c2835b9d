package rpcpool

import (
	"errors"
	"net"
	"testing"
	"time"
)

func TestCheckoutAfterClose(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	defer ln.Close()

	p := NewPool(ln.Addr().String())
	p.Close()

	got := make(chan error)
	go func() {
		defer func() { recover() }()
		_, err := p.Checkout()
		got <- err
	}()

	select {
	case err := <-got:
		if !errors.Is(err, ErrClosed) {
			t.Fatalf("want ErrClosed, got %v", err)
		}
	case <-time.After(time.Millisecond):
		t.Fatal("Checkout on closed pool did not return promptly")
	}
}
