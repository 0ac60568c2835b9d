// BAD: fakeNotifier.Notify sends on the unbuffered sent channel; the test fires a
// critical alert, which reaches Notify, but only checks Fired() and never reads sent.

package alerting

import (
	"context"
	"testing"
)

type fakeNotifier struct {
	sent chan string
}

func (f *fakeNotifier) Notify(ctx context.Context, msg string) error {
	f.sent <- msg // want "blocks forever"
	return nil
}

func TestFireBelowThresholdIsDropped(t *testing.T) {
	m := NewManager(&fakeNotifier{}, SeverityCritical)
	if err := m.Fire(context.Background(), Alert{Name: "DiskLow", Severity: SeverityInfo}); err != nil {
		t.Fatalf("Fire: %v", err)
	}
	if got := m.Fired(); got != 0 {
		t.Fatalf("Fired() = %d, want 0", got)
	}
}

func TestFireCriticalNotifies(t *testing.T) {
	fn := &fakeNotifier{sent: make(chan string)}
	m := NewManager(fn, SeverityWarning)

	err := m.Fire(context.Background(), Alert{
		Name:     "DiskFull",
		Severity: SeverityCritical,
		Summary:  "/var is at 99%",
	})
	if err != nil {
		t.Fatalf("Fire: %v", err)
	}
	if got := m.Fired(); got != 1 {
		t.Fatalf("Fired() = %d, want 1", got)
	}
}
