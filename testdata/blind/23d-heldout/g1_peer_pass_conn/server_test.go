package g1_peer_pass_conn

import (
	"net"
	"testing"
)

func TestPassConnAfterRemove(t *testing.T) {
	s := NewServer()
	s.addPeer("10.0.0.1")
	s.removePeer("10.0.0.1")
	a, b := net.Pipe()
	defer b.Close()
	if s.passConn("10.0.0.1", a) {
		t.Fatal("removed peer must not accept connections")
	}
	_ = a.Close()
	s.Shutdown()
}
