package g3_retry_attempts

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDoStopsOnPermanent(t *testing.T) {
	r := New(Policy{MaxAttempts: 3, PerAttempt: time.Second, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond})
	calls := 0
	boom := errors.New("boom")
	err := r.Do(context.Background(), func(context.Context) error {
		calls++
		return &Permanent{Err: boom}
	})
	if !errors.Is(err, boom) || calls != 1 {
		t.Fatalf("err=%v calls=%d", err, calls)
	}
}
