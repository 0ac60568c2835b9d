package splice

import (
	"io"
	"net"
	"testing"
	"time"
)

func TestJoinCopiesBothWays(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	upstream := make(chan net.Conn, 1)
	ready := make(chan struct{})
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		upstream <- c
		close(ready)
	}()

	down, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}

	up := <-upstream
	select {
	case <-ready:
	case <-time.After(2 * time.Second):
		t.Fatal("upstream never accepted")
	}

	local, remote := net.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		Join(remote, up)
	}()

	go func() {
		local.Write([]byte("ping"))
		local.Close()
	}()
	buf := make([]byte, 4)
	if _, err := io.ReadFull(down, buf); err != nil {
		t.Fatal(err)
	}
	if string(buf) != "ping" {
		t.Fatalf("got %q", buf)
	}
	down.Close()
	<-done
}
