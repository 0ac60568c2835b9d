package g1_mux_nil_streams

import (
	"errors"
	"net"
	"testing"
)

func TestOpenAfterPeerHangup(t *testing.T) {
	a, b := net.Pipe()
	s := NewSession(a)
	if _, err := s.OpenStream(); err != nil {
		t.Fatal(err)
	}
	b.Close()
	for {
		_, err := s.OpenStream()
		if err != nil {
			if errors.Is(err, ErrSessionShutdown) {
				t.Fatal("unexpected local shutdown")
			}
			break
		}
	}
	s.Close()
}
