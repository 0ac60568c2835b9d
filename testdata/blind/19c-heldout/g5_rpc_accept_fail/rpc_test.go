// Correct: the server goroutine skips its send only when ln.Accept fails (a broken setup); on every normal path the test receives the count.
package g5_rpc_accept_fail

import (
	"encoding/json"
	"net"
	"testing"
)

type testServer struct {
	ln     net.Listener
	served chan int
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	ts := &testServer{ln: ln, served: make(chan int)}
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		ts.served <- ServeConn(conn)
	}()
	return ts
}

func (ts *testServer) Close() { ts.ln.Close() }

func call(t *testing.T, enc *json.Encoder, dec *json.Decoder, req Request) Response {
	t.Helper()
	if err := enc.Encode(req); err != nil {
		t.Fatalf("encode: %v", err)
	}
	var resp Response
	if err := dec.Decode(&resp); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return resp
}

func TestArithmetic(t *testing.T) {
	ts := newTestServer(t)
	defer ts.Close()

	conn, err := net.Dial("tcp", ts.ln.Addr().String())
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	enc, dec := json.NewEncoder(conn), json.NewDecoder(conn)

	if r := call(t, enc, dec, Request{Method: "add", A: 2, B: 3}); r.Result != 5 {
		t.Errorf("add = %d", r.Result)
	}
	if r := call(t, enc, dec, Request{Method: "mul", A: 4, B: 6}); r.Result != 24 {
		t.Errorf("mul = %d", r.Result)
	}
	if r := call(t, enc, dec, Request{Method: "div"}); r.Error == "" {
		t.Errorf("div: expected error")
	}
	conn.Close()

	if n := <-ts.served; n != 3 {
		t.Errorf("served %d requests, want 3", n)
	}
}
