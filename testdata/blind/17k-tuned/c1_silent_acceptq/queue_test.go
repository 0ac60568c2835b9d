package acceptq

import "testing"

func TestAcceptHandsStreamToConsumer(t *testing.T) {
	ln := NewListener(1)
	q := newStreamQueue()
	done := make(chan struct{})

	go func() {
		defer close(done)
		s, err := ln.Accept()
		if err != nil {
			t.Errorf("accept: %v", err)
			return
		}
		if s.Name == "" {
			t.Errorf("stream %d has no name", s.ID)
			return
		}
		q.put(s)
	}()

	ln.Offer(&Stream{ID: 3, Name: "ctl"})

	got, ok := q.get(done)
	if !ok {
		t.Fatal("accept goroutine exited without handing over a stream")
	}
	if got.ID != 3 {
		t.Fatalf("got stream %d, want 3", got.ID)
	}
	ln.Close()
}
