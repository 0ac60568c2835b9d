package g1_peer_passconn

import (
	"context"
	"net"
	"testing"
)

func TestPassConnUnknownPeer(t *testing.T) {
	s := NewServer(context.Background())
	defer s.Close()
	a, b := net.Pipe()
	defer a.Close()
	defer b.Close()
	if s.passConn(a) {
		t.Fatal("pipe address should not match a peer")
	}
}

func TestRemovePeer(t *testing.T) {
	s := NewServer(context.Background())
	s.AddPeer("10.0.0.1")
	s.RemovePeer("10.0.0.1")
	s.RemovePeer("10.0.0.1")
	s.Close()
}
