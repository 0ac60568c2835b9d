package events

import (
	"testing"
	"time"
)

func TestEnqueueBackpressure(t *testing.T) {
	ib := NewInbox(3)
	defer ib.Stop()
	for i := 0; i < 3; i++ {
		ib.Enqueue(Event{Kind: "tick", Seq: i})
	}

	unblocked := make(chan struct{})
	go func() {
		defer func() { recover() }()
		ib.Enqueue(Event{Kind: "tick", Seq: 3})
		unblocked <- struct{}{}
	}()

	select {
	case <-unblocked:
		t.Fatal("Enqueue did not apply backpressure")
	case <-time.After(25 * time.Millisecond):
	}
}

func TestDequeueFIFO(t *testing.T) {
	ib := NewInbox(2)
	defer ib.Stop()
	ib.Enqueue(Event{Seq: 1})
	ib.Enqueue(Event{Seq: 2})
	if e, ok := ib.Dequeue(); !ok || e.Seq != 1 {
		t.Fatalf("Dequeue = %+v, %v", e, ok)
	}
}
