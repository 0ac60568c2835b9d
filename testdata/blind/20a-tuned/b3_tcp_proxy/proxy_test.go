package b3_tcp_proxy

import (
	"net"
	"testing"
)

func TestShutdownIdle(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback:", err)
	}
	p := NewProxy("127.0.0.1:1")
	go p.Serve(ln)
	ln.Close()
	p.Shutdown()
	if n := p.Active(); n != 0 {
		t.Fatalf("active = %d after Shutdown", n)
	}
}
