package portscan

import (
	"context"
	"net"
	"testing"
	"time"
)

func TestScannerFindsListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	out := make(chan Result)
	s := NewScanner([]string{ln.Addr().String()}, time.Second)
	s.Start(context.Background(), out)

	r := <-out
	if !r.Open {
		t.Errorf("%s reported closed", r.Addr)
	}

	s.Close()
	close(out)

	for r := range out {
		t.Errorf("result after Close: %+v", r)
	}
}
