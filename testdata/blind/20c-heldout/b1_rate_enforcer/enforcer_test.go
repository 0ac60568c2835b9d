package b1_rate_enforcer

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestAcquireLimit(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := NewEnforcer(ctx, 2, time.Hour)
	for i := 0; i < 2; i++ {
		if err := e.Acquire("acme", 1); err != nil {
			t.Fatalf("acquire %d: %v", i, err)
		}
	}
	if err := e.Acquire("acme", 1); !errors.Is(err, ErrLimited) {
		t.Fatalf("want ErrLimited, got %v", err)
	}
	if err := e.Acquire("other", 1); err != nil {
		t.Fatalf("other tenant: %v", err)
	}
}
