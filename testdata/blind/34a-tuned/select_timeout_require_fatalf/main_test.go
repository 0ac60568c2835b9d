// GOOD: when the select times out, requireTrue calls t.Fatalf and the test stops as
// failed; in a passing run the value was received, so the sender has finished.
package retry

import (
	"context"
	"errors"
	"testing"
	"time"
)

func requireTrue(t *testing.T, cond bool, msg string) {
	t.Helper()
	if !cond {
		t.Fatalf("requirement failed: %s", msg)
	}
}

func TestDoRetriesUntilSuccess(t *testing.T) {
	failures := 2
	op := func() error {
		if failures > 0 {
			failures--
			return errors.New("connection refused")
		}
		return nil
	}
	p := Policy{Attempts: 5, Base: time.Millisecond, Max: 4 * time.Millisecond}

	attemptsCh := make(chan int)
	go func() {
		n, err := Do(context.Background(), p, op)
		if err != nil {
			n = -1
		}
		attemptsCh <- n
	}()

	var attempts int
	received := false
	select {
	case attempts = <-attemptsCh:
		received = true
	case <-time.After(time.Second):
	}
	requireTrue(t, received, "Do did not return within 1s")
	requireTrue(t, attempts == 3, "expected success on the third attempt")
}

func TestDoStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Do(ctx, Policy{Attempts: 3, Base: time.Hour, Max: time.Hour}, func() error {
		return errors.New("down")
	})
	requireTrue(t, errors.Is(err, context.Canceled), "want context.Canceled")
}
