package b3_poller_loop_close

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestWaitHealthyEventually(t *testing.T) {
	var calls atomic.Int32
	fetch := func() Status {
		if calls.Add(1) >= 3 {
			return Status{Healthy: true, Detail: "ok"}
		}
		return Status{Detail: "starting"}
	}
	s, err := WaitHealthy(fetch, time.Second)
	if err != nil {
		t.Fatalf("WaitHealthy: %v", err)
	}
	if !s.Healthy {
		t.Fatalf("got %+v, want healthy", s)
	}
}

func TestWaitHealthyTimeout(t *testing.T) {
	fetch := func() Status { return Status{Detail: "down"} }
	if _, err := WaitHealthy(fetch, 20*time.Millisecond); err != errTimeout {
		t.Fatalf("got %v, want %v", err, errTimeout)
	}
}
