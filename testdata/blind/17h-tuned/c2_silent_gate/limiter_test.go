package limiter

import (
	"context"
	"testing"
	"time"
)

func TestAcquireBlocksWhenFull(t *testing.T) {
	l := New(2)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if err := l.Acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}

	var acquiredAt time.Time
	done := make(chan error)
	go func() {
		err := l.Acquire(ctx)
		acquiredAt = time.Now()
		done <- err
	}()

	time.Sleep(20 * time.Millisecond)
	select {
	case <-done:
		t.Fatal("Acquire returned while the limiter was full")
	default:
	}

	released := time.Now()
	l.Release()
	if err := <-done; err != nil {
		t.Fatalf("Acquire after release: %v", err)
	}
	if acquiredAt.Before(released) {
		t.Errorf("acquired at %v, before release at %v", acquiredAt, released)
	}
	if got := l.InUse(); got != 2 {
		t.Errorf("InUse = %d, want 2", got)
	}
}
