package peer

import (
	"net"
	"testing"
)

func TestGreetingExchange(t *testing.T) {
	lb := NewLoopback(4)
	defer lb.Shutdown()

	dialed := make(chan net.Conn)
	go func() {
		c, err := lb.Connect()
		if err != nil {
			t.Errorf("connect: %v", err)
			return
		}
		dialed <- c
	}()

	far := <-lb.Incoming()
	near := <-dialed
	defer near.Close()
	defer far.Close()

	answered := make(chan string, 1)
	go func() {
		who, err := Answer(far, "node-b")
		if err != nil {
			t.Errorf("answer: %v", err)
		}
		answered <- who
	}()

	peerName, err := Greet(near, "node-a")
	if err != nil {
		t.Fatalf("greet: %v", err)
	}
	if peerName != "node-b" {
		t.Fatalf("peer = %q", peerName)
	}
	if who := <-answered; who != "node-a" {
		t.Fatalf("answered %q", who)
	}
}
