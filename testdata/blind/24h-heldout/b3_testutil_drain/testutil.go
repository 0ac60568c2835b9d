// Package b3_testutil_drain holds shared helpers for tests of packages that
// publish on the event bus. It is imported by many _test.go files.
package b3_testutil_drain

import (
	"sync"
	"testing"
)

// Event is something a component announces on the bus.
type Event struct {
	Kind string
	Key  string
}

// Bus is the pair of channels components publish to.
type Bus struct {
	Events chan Event
	Errors chan error
}

// NewBus returns a buffered bus.
func NewBus() *Bus {
	return &Bus{Events: make(chan Event, 32), Errors: make(chan error, 8)}
}

// NewDiscardBus returns a bus for tests that don't care about events:
// everything published on it is thrown away.
func NewDiscardBus(tb testing.TB) *Bus {
	tb.Helper()
	b := NewBus()
	Discard(b)
	return b
}

// Discard drops everything published on b so publishers never block.
func Discard(b *Bus) {
	go func() { // BAD: exported test helper starts an endless drain on every call; it outlives the test and piles up across the binary
		for {
			select {
			case <-b.Events:
			case <-b.Errors:
			}
		}
	}()
}

// Recorder keeps every event published on a bus for later assertions.
type Recorder struct {
	mu     sync.Mutex
	events []Event
}

// Record reads n events from b synchronously.
func Record(tb testing.TB, b *Bus, n int) *Recorder {
	tb.Helper()
	r := &Recorder{}
	for i := 0; i < n; i++ {
		select {
		case e := <-b.Events:
			r.mu.Lock()
			r.events = append(r.events, e)
			r.mu.Unlock()
		case err := <-b.Errors:
			tb.Fatalf("unexpected bus error: %v", err)
		}
	}
	return r
}

// Kinds returns the kinds of recorded events in order.
func (r *Recorder) Kinds() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, len(r.events))
	for i, e := range r.events {
		out[i] = e.Kind
	}
	return out
}
