package main

import (
	"testing"
	"time"
)

// recvTimeout returns the error received on ch, or nil if nothing arrives within d.
func recvTimeout(ch chan error, d time.Duration) error {
	select {
	case err := <-ch:
		return err
	case <-time.After(d):
		return nil
	}
}

func TestRunAcceptsWellFormedStream(t *testing.T) {
	in := &Ingester{Pause: 20 * time.Millisecond}
	events := make([]Event, 10)
	for i := range events {
		events[i] = Event{Source: "web", Body: "page-view"}
	}

	errc := make(chan error) // want "blocks forever"
	go func() {
		errc <- in.Run(events)
	}()

	// No error within the first few events means the stream is being accepted.
	if err := recvTimeout(errc, 50*time.Millisecond); err == nil {
		return
	} else {
		t.Fatalf("Run rejected a well-formed stream: %v", err)
	}
}
