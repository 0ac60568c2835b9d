// Correct: expectEvent either returns the single Result or calls t.Fatalf, so close(done) follows the only send.
package g1_job_expect_event

import (
	"errors"
	"testing"
	"time"
)

func expectEvent(t *testing.T, ch <-chan Result) Result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(time.Second):
		t.Fatalf("timed out waiting for job result")
		return Result{}
	}
}

func TestSubmitReportsError(t *testing.T) {
	r := NewRunner()
	done := make(chan Result)
	wantErr := errors.New("disk full")

	r.Submit(Job{ID: "backup", Run: func() error { return wantErr }}, done)

	res := expectEvent(t, done)
	close(done)

	if res.JobID != "backup" {
		t.Errorf("job id = %q", res.JobID)
	}
	if !errors.Is(res.Err, wantErr) {
		t.Errorf("err = %v, want %v", res.Err, wantErr)
	}
}

func TestSubmitRecoversPanic(t *testing.T) {
	r := NewRunner()
	done := make(chan Result, 1)

	r.Submit(Job{ID: "boom", Run: func() error { panic("bad input") }}, done)

	res := expectEvent(t, done)
	close(done)
	if res.Err == nil {
		t.Fatal("expected error from panicking job")
	}
	if n := r.InFlight(); n != 0 {
		t.Fatalf("in flight = %d", n)
	}
}
