// Correct: the accept goroutine's send is only stranded when net.Dial fails, and that path calls t.Fatal (a failing run anyway).
package g1_accept_dial_fatal

import (
	"bufio"
	"net"
	"testing"
)

type accepted struct {
	conn net.Conn
	err  error
}

// getPair returns a connected (client, server-session) pair over loopback TCP.
func getPair(t *testing.T) (net.Conn, *Session) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	defer ln.Close()

	ch := make(chan accepted)
	go func() {
		c, err := ln.Accept()
		ch <- accepted{conn: c, err: err}
	}()

	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	a := <-ch
	if a.err != nil {
		client.Close()
		t.Fatalf("accept: %v", a.err)
	}
	sess := NewSession(a.conn)
	t.Cleanup(func() {
		client.Close()
		sess.Close()
	})
	return client, sess
}

func TestSetThenGet(t *testing.T) {
	client, sess := getPair(t)
	r := bufio.NewReader(client)

	for _, step := range []struct{ req, want string }{
		{"SET color blue\n", "OK\n"},
		{"GET color\n", "blue\n"},
		{"DEL color\n", "ERR\n"},
	} {
		if _, err := client.Write([]byte(step.req)); err != nil {
			t.Fatal(err)
		}
		if err := sess.Handle(); err != nil {
			t.Fatalf("handle %q: %v", step.req, err)
		}
		got, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if got != step.want {
			t.Errorf("%q -> %q, want %q", step.req, got, step.want)
		}
	}
}
