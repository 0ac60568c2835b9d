package limiter

import (
	"context"
	"testing"
	"time"
)

func TestAcquireBlocksWhenFull(t *testing.T) {
	sem := NewSemaphore(2)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if err := sem.Acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}

	acquired := make(chan error, 1)
	go func() {
		acquired <- sem.Acquire(ctx)
	}()

	time.Sleep(10 * time.Millisecond)
	select {
	case err := <-acquired:
		t.Fatalf("Acquire returned %v while semaphore was full", err)
	default:
	}

	sem.Release()
	select {
	case err := <-acquired:
		if err != nil {
			t.Fatalf("Acquire after Release: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Acquire still blocked after Release")
	}
}

func TestAcquireHonoursContext(t *testing.T) {
	sem := NewSemaphore(1)
	_ = sem.Acquire(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	if err := sem.Acquire(ctx); err == nil {
		t.Fatal("expected context error")
	}
}
