package actor

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestTellBlocksOnFullMailbox(t *testing.T) {
	a := New(2, func(Message) {})
	t.Cleanup(a.Stop)
	a.Tell(Message{Kind: "ping"})
	a.Tell(Message{Kind: "ping"})

	delivered := make(chan struct{})
	go func() {
		defer func() { _ = recover() }()
		a.Tell(Message{Kind: "overflow"})
		delivered <- struct{}{}
	}()

	select {
	case <-delivered:
		t.Fatal("Tell returned although nobody drains the mailbox")
	case <-time.After(40 * time.Millisecond):
	}
}

func TestHandlesMessages(t *testing.T) {
	var n atomic.Int32
	a := New(4, func(Message) { n.Add(1) })
	a.Start()
	for i := 0; i < 3; i++ {
		a.Tell(Message{Kind: "inc"})
	}
	deadline := time.Now().Add(time.Second)
	for n.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	a.Stop()
	if got := n.Load(); got != 3 {
		t.Fatalf("handled %d messages, want 3", got)
	}
}
