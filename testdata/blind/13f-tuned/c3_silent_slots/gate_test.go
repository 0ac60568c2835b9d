package admission

import (
	"testing"
	"time"
)

func TestTryEnterRespectsLimit(t *testing.T) {
	g := NewGate(2)
	if !g.TryEnter() || !g.TryEnter() {
		t.Fatal("expected two free slots")
	}
	if g.TryEnter() {
		t.Fatal("third TryEnter succeeded")
	}
	g.Leave()
	if got := g.InFlight(); got != 1 {
		t.Fatalf("InFlight = %d, want 1", got)
	}
}

func TestEnterWaitsWhenSaturated(t *testing.T) {
	g := NewGate(1)
	t.Cleanup(g.Shutdown)
	g.Enter()

	admitted := make(chan struct{})
	go func() {
		defer func() { _ = recover() }()
		g.Enter()
		admitted <- struct{}{}
	}()

	select {
	case <-admitted:
		t.Fatal("Enter returned while the only slot was held")
	case <-time.After(30 * time.Millisecond):
	}
}
