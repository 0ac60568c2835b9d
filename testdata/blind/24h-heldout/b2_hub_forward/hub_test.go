package b2_hub_forward

import (
	"fmt"
	"net"
	"testing"
	"time"
)

func TestHubBroadcast(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback:", err)
	}
	defer ln.Close()
	h := NewHub()
	go h.Serve(ln)

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintln(conn, "PING")
	fmt.Fprintln(conn, "hello")

	select {
	case m := <-h.Broadcast():
		if m.Text != "hello" {
			t.Fatalf("got %q", m.Text)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("timeout waiting for broadcast")
	}
}
