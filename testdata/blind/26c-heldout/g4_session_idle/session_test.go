package g4_session_idle

import (
	"testing"
	"time"
)

func TestSessionPingsWhenIdleAndExpires(t *testing.T) {
	pings := make(chan string, 8)
	s := NewSession("s1", pings, 10*time.Millisecond, func(Message) {})
	if !s.Deliver(Message{Kind: "hello"}) {
		t.Fatal("session closed early")
	}
	select {
	case <-s.done:
	case <-time.After(2 * time.Second):
		t.Fatal("idle session did not expire")
	}
	if n := len(pings); n != 2 {
		t.Fatalf("got %d pings, want 2", n)
	}
}
