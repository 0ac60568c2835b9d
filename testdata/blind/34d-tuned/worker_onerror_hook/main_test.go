// BAD: the OnError hook sends on the unbuffered errs channel for the failing job,
// but the test only calls Close and never receives from errs, so a worker hangs.

package jobpool

import (
	"errors"
	"testing"
)

var errBoom = errors.New("boom")

func TestPoolRunsAllJobs(t *testing.T) {
	p := NewPool(Options{Workers: 3})
	for i := 0; i < 10; i++ {
		if err := p.Submit(func() error { return nil }); err != nil {
			t.Fatalf("Submit: %v", err)
		}
	}
	p.Close()
	if got := p.Completed(); got != 10 {
		t.Fatalf("Completed() = %d, want 10", got)
	}
}

func TestPoolReportsJobError(t *testing.T) {
	errs := make(chan error)
	p := NewPool(Options{
		Workers: 2,
		OnError: func(err error) {
			errs <- err // want "blocks forever"
		},
	})

	if err := p.Submit(func() error { return errBoom }); err != nil {
		t.Fatalf("Submit: %v", err)
	}
	if err := p.Submit(func() error { return nil }); err != nil {
		t.Fatalf("Submit: %v", err)
	}
	p.Close()

	if got := p.Completed(); got != 2 {
		t.Fatalf("Completed() = %d, want 2", got)
	}
}

func TestSubmitAfterClose(t *testing.T) {
	p := NewPool(Options{Workers: 1})
	p.Close()
	if err := p.Submit(func() error { return nil }); !errors.Is(err, ErrClosed) {
		t.Fatalf("Submit after Close = %v, want ErrClosed", err)
	}
}
