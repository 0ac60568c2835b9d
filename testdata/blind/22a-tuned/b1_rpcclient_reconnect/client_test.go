package b1_rpcclient_reconnect

import (
	"io"
	"testing"
)

type echoConn struct {
	reqs chan Response
}

func newEchoConn() *echoConn { return &echoConn{reqs: make(chan Response, 16)} }

func (e *echoConn) WriteRequest(id uint64, body []byte) error {
	e.reqs <- Response{ID: id, Body: body}
	return nil
}

func (e *echoConn) ReadResponse() (Response, error) {
	r, ok := <-e.reqs
	if !ok {
		return Response{}, io.EOF
	}
	return r, nil
}

func (e *echoConn) Close() error { close(e.reqs); return nil }

func TestCallAfterReconnect(t *testing.T) {
	c, err := NewClient(func() (Conn, error) { return newEchoConn(), nil })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Call([]byte("ping")); err != nil {
		t.Fatal(err)
	}
	c.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Reconnect()
	}()
	c.Call([]byte("maybe"))
	<-done
	if b, err := c.Call([]byte("pong")); err != nil || string(b) != "pong" {
		t.Fatalf("got %q, %v", b, err)
	}
}
