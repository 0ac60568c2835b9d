// BAD: startEchoServer sends the address on the unbuffered ready channel before
// accepting; the test reads ln.Addr() instead of receiving, so the send never completes.

package lineclient

import (
	"bufio"
	"net"
	"testing"
	"time"
)

func serveEcho(conn net.Conn) {
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		if _, err := conn.Write([]byte(sc.Text() + "\n")); err != nil {
			return
		}
	}
}

// startEchoServer listens on a random port and reports its address on ready
// once it is about to accept connections.
func startEchoServer(t *testing.T, ready chan<- string) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	go func() {
		ready <- ln.Addr().String() // want "blocks forever"
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go serveEcho(conn)
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return ln
}

func TestCallEchoes(t *testing.T) {
	ready := make(chan string)
	ln := startEchoServer(t, ready)

	c, err := Dial(ln.Addr().String(), time.Second)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer c.Close()

	got, err := c.Call("ping")
	if err != nil {
		t.Fatalf("Call: %v", err)
	}
	if got != "ping" {
		t.Fatalf("Call = %q, want %q", got, "ping")
	}
}

func TestCallRejectsNewline(t *testing.T) {
	c := &Client{}
	if _, err := c.Call("a\nb"); err == nil {
		t.Fatal("expected error for request with newline")
	}
}
