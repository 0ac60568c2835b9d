package sched

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestCancelledJobsNeverRun(t *testing.T) {
	var s Scheduler
	var ran atomic.Bool

	const deadline = 120 * time.Millisecond
	for i := 0; i < 8; i++ {
		job := s.After(deadline, func() { ran.Store(true) })
		go func() {
			time.Sleep(time.Duration(i) * time.Millisecond)
			job.Cancel()
		}()
	}

	time.Sleep(3 * deadline)

	if ran.Load() {
		t.Fatal("a cancelled job ran")
	}
}
