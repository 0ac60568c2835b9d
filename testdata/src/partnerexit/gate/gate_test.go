package gate

import (
	"net"
	"testing"
	"time"
)

// waitWithin receives from ch, failing the test after d.
func waitWithin[T any](t *testing.T, ch <-chan T, d time.Duration) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		t.Fatal("timed out")
		var zero T
		return zero
	}
}

func read(c net.Conn) string {
	b := make([]byte, 16)
	n, _ := c.Read(b)
	return string(b[:n])
}

// Silent: the test first waits, failing on timeout, for a request the
// accepting goroutine sends only after its send on accepted; on its
// early return that wait fails the test, and <-accepted is never
// reached.
func TestGated(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	requests := make(chan string, 2)
	accepted := make(chan net.Conn, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		accepted <- conn
		for {
			requests <- read(conn)
		}
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Write([]byte("hello"))
	first := waitWithin(t, requests, time.Second)
	conn := <-accepted
	defer conn.Close()
	_ = first
}

// Silent: the same with the wait written out, and a ready channel
// closed after the send.
func TestGatedSelect(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ready := make(chan struct{})
	accepted := make(chan net.Conn, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		accepted <- conn
		close(ready)
	}()
	select {
	case <-ready:
	case <-time.After(time.Second):
		t.Fatal("not accepted")
	}
	conn := <-accepted
	conn.Close()
}

// Bad near miss: the receive comes first, before the timed wait.
func TestReceiveFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	requests := make(chan string, 2)
	accepted := make(chan net.Conn, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			t.Logf("accept: %v", err) // a logged exit: not a bare set-up bail-out
			return
		}
		accepted <- conn
		requests <- read(conn)
	}()
	conn := <-accepted // want `receive from accepted may block forever: the goroutine that sends on it can return without sending`
	defer conn.Close()
	waitWithin(t, requests, time.Second)
}

// Bad near miss: the wait's timeout does not fail the test, so the
// receive is reached with the sender gone.
func TestSoftTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ready := make(chan struct{})
	accepted := make(chan net.Conn, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			t.Logf("accept: %v", err) // a logged exit: not a bare set-up bail-out
			return
		}
		accepted <- conn
		close(ready)
	}()
	select {
	case <-ready:
	case <-time.After(time.Second):
		t.Log("slow accept")
	}
	conn := <-accepted // want `receive from accepted may block forever`
	conn.Close()
}

// Bad near miss: a watchdog closes the ready channel too, so the first
// wait does not depend on the accepting goroutine's send.
func TestWatchdogReady(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ready := make(chan struct{})
	accepted := make(chan net.Conn, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			t.Logf("accept: %v", err) // a logged exit: not a bare set-up bail-out
			return
		}
		accepted <- conn
		close(ready)
	}()
	go func() {
		time.Sleep(time.Second)
		close(ready)
	}()
	<-ready
	conn := <-accepted // want `receive from accepted may block forever`
	conn.Close()
}
