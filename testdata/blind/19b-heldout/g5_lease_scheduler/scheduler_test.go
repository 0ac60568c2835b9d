package g5_lease_scheduler

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestLoseLease(t *testing.T) {
	l := newMemLease("me")
	var runs atomic.Int64
	s := NewScheduler(l, func() []string { return []string{"a", "b"} }, func(string) { runs.Add(1) })
	done := make(chan struct{})
	go func() { s.Run(); close(done) }()
	time.Sleep(50 * time.Millisecond)
	l.steal("other")
	time.Sleep(50 * time.Millisecond)
	if st, holder, _ := s.Status(); st != Standby || holder != "other" {
		t.Fatalf("status = %v %q", st, holder)
	}
	s.Stop()
	<-done
}
