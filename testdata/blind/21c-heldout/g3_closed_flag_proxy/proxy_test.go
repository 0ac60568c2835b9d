package g3_closed_flag_proxy

import (
	"net"
	"testing"
)

func TestShutdownBeforeAnyConn(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := NewProxy(ln, "127.0.0.1:1")
	go p.Serve()
	if err := p.Shutdown(); err != nil {
		t.Fatal(err)
	}
}
