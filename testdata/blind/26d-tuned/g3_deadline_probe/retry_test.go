package g3_deadline_probe

import (
	"context"
	"errors"
	"testing"
	"time"
)

var errFlaky = errors.New("flaky")

func TestDoSucceedsAfterRetries(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	calls := 0
	n, err := NewRetrier().Do(ctx, func(context.Context) error {
		if calls++; calls < 3 {
			return errFlaky
		}
		return nil
	})
	if err != nil || n != 3 {
		t.Fatalf("Do = %d, %v; want 3, nil", n, err)
	}
}

func TestDoExpiredDeadline(t *testing.T) {
	// Already past its deadline: the context is done before Do starts.
	ctx, _ := context.WithDeadline(context.Background(), time.Now().Add(-time.Minute))
	n, err := NewRetrier().Do(ctx, func(context.Context) error { return nil })
	if !errors.Is(err, context.DeadlineExceeded) || n != 0 {
		t.Fatalf("Do = %d, %v; want 0, DeadlineExceeded", n, err)
	}
}

func TestDoStopsAtShortTimeout(t *testing.T) {
	ctx, _ := context.WithTimeout(context.Background(), 40*time.Millisecond)
	n, err := NewRetrier().Do(ctx, func(context.Context) error { return errFlaky })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if n < 1 {
		t.Fatalf("attempts = %d, want at least 1", n)
	}
}
