package g1_nested_workers

import (
	"sync/atomic"
	"testing"
)

func TestCloseWaitsForHandlers(t *testing.T) {
	sub := make(chan Message, 4)
	var done atomic.Int32
	for i := 0; i < 4; i++ {
		sub <- Message{Topic: "t", Ack: func() { done.Add(1) }}
	}
	c := New(sub, func(Message) error { return nil })
	c.Close()
	n := done.Load()
	if n < 0 || n > 4 {
		t.Fatalf("acks = %d", n)
	}
}
