package b4_batch_scheduler

import (
	"context"
	"testing"
)

func TestStopRestart(t *testing.T) {
	s := New()
	block := func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }
	if err := s.Run("a", block); err != nil {
		t.Fatal(err)
	}
	s.Stop()
	if err := s.Run("b", block); err != ErrStopped {
		t.Fatalf("Run while stopped = %v", err)
	}
	s.Restart()
	if err := s.Run("c", block); err != nil {
		t.Fatal(err)
	}
	s.Stop()
	if got := len(s.Errors()); got != 2 {
		t.Fatalf("errors = %d, want 2", got)
	}
}
