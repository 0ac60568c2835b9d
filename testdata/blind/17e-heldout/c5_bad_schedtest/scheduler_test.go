package schedtest

import (
	"sync/atomic"
	"testing"
	"time"
)

func runsPerJob(s *Scheduler) map[string]int {
	s.histMu.Lock()
	defer s.histMu.Unlock()
	out := make(map[string]int)
	s.jobsMu.Lock()
	for _, j := range s.jobs {
		out[j.Name] = 0
	}
	s.jobsMu.Unlock()
	for _, r := range s.hist {
		out[r.Job]++
	}
	return out
}

func TestSchedulerRunsJobs(t *testing.T) {
	var n atomic.Int32
	s := NewScheduler()
	s.Add(&Job{Name: "gc", Every: time.Millisecond, Run: func() { n.Add(1) }})
	s.Add(&Job{Name: "idle", Every: time.Hour, Run: func() {}})
	s.Start(time.Millisecond)
	defer s.Stop()

	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		runs := runsPerJob(s)
		if runs["gc"] >= 5 {
			if runs["idle"] != 0 {
				t.Fatalf("idle job ran: %v", runs)
			}
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("gc job ran %d times", n.Load())
}
