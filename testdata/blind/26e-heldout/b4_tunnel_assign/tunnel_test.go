package b4_tunnel_assign

import (
	"net"
	"testing"
)

func TestOpenAssignsAddr(t *testing.T) {
	srv, cli := net.Pipe()
	go func() {
		srv.Write([]byte("ASSIGN 10.8.0.6\n"))
	}()
	tun, err := Open(cli)
	if err != nil {
		t.Fatal(err)
	}
	defer tun.Close()
	defer srv.Close()
	_ = tun.Addr()
}
