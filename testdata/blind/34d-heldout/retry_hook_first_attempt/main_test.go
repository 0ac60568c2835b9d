// GOOD: OnRetry only runs after a failed attempt; in TestDoSucceedsFirstTry the fake
// never fails, and TestDoRetriesThenSucceeds receives every retry it causes.

package retry

import (
	"context"
	"errors"
	"testing"
	"time"
)

type fakeTransport struct {
	failures int
	calls    int
}

func (f *fakeTransport) RoundTrip(ctx context.Context) error {
	f.calls++
	if f.calls <= f.failures {
		return errors.New("connection refused")
	}
	return nil
}

func TestDoSucceedsFirstTry(t *testing.T) {
	retries := make(chan int)
	ft := &fakeTransport{}
	err := Do(context.Background(), Policy{
		Attempts:  3,
		BaseDelay: time.Millisecond,
		OnRetry:   func(attempt int, err error) { retries <- attempt },
	}, ft.RoundTrip)
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if ft.calls != 1 {
		t.Fatalf("calls = %d, want 1", ft.calls)
	}
}

func TestDoRetriesThenSucceeds(t *testing.T) {
	retries := make(chan int)
	ft := &fakeTransport{failures: 2}
	done := make(chan error, 1)
	go func() {
		done <- Do(context.Background(), Policy{
			Attempts:  3,
			BaseDelay: time.Millisecond,
			OnRetry:   func(attempt int, err error) { retries <- attempt },
		}, ft.RoundTrip)
	}()

	for want := 1; want <= 2; want++ {
		if got := <-retries; got != want {
			t.Fatalf("retry attempt = %d, want %d", got, want)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("Do: %v", err)
	}
}
