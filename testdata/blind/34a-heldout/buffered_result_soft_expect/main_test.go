// GOOD: expect only logs when the probe does not answer in time, but `done` is
// buffered with capacity 1, so the goroutine's one send never blocks and it exits.
package health

import (
	"context"
	"testing"
	"time"
)

// expect notes an unmet expectation without failing; probe latency is advisory.
func expect(t *testing.T, ok bool, what string) {
	t.Helper()
	if !ok {
		t.Logf("advisory: %s", what)
	}
}

func TestProbeReportsHealthyTarget(t *testing.T) {
	p := NewProber(func(ctx context.Context, target string) error {
		select {
		case <-time.After(5 * time.Millisecond):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}, 500*time.Millisecond)

	done := make(chan Status, 1)
	go func() {
		done <- p.Probe(context.Background(), "db-primary:5432")
	}()

	var st Status
	ok := false
	select {
	case st = <-done:
		ok = true
	case <-time.After(50 * time.Millisecond):
	}
	expect(t, ok, "probe did not answer within 50ms")
	if ok && !st.Healthy {
		t.Errorf("probe status = %v, want up", st)
	}
}
