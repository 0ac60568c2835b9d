package echo

import (
	"bufio"
	"fmt"
	"testing"
)

type reply struct {
	line string
	err  error
}

func TestEchoRoundTrip(t *testing.T) {
	ln := newMemListener()
	srv := &Server{Prefix: "> "}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	ready := make(chan struct{})
	replies := make(chan reply, 1)
	go func() {
		conn, err := ln.Dial()
		if err != nil {
			t.Errorf("dial: %v", err)
			return
		}
		defer conn.Close()
		close(ready)
		fmt.Fprintf(conn, "ping\n")
		line, err := bufio.NewReader(conn).ReadString('\n')
		replies <- reply{line, err}
	}()

	<-ready
	r := <-replies
	ln.Close()

	if r.err != nil {
		t.Fatalf("read: %v", r.err)
	}
	if r.line != "> PING\n" {
		t.Fatalf("got %q", r.line)
	}
	if err := <-served; err != errListenerClosed {
		t.Fatalf("Serve returned %v", err)
	}
}
