package g1_line_rpc_server

import (
	"net"
	"testing"
)

func TestServeAfterClose(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback:", err)
	}
	srv := &Server{Handler: func(m, a string) string { return m + " " + a }}
	go srv.Serve(ln)
	srv.Close()
	if err := srv.Serve(ln); err != ErrServerClosed {
		t.Fatalf("Serve after Close = %v", err)
	}
}
