package hook

import (
	"net"
	"testing"
)

func TestReconnect(t *testing.T) {
	a, b := net.Pipe()
	defer b.Close()
	p := NewPubSub(a)
	p.SetNetConn(b)
	if err := p.Send([]byte("x")); err != nil {
		t.Fatal(err)
	}
	c := NewClient(a)
	c.SetNetConn(b)
	c.Close()
}
