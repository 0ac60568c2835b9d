package b2_job_worker

import (
	"testing"
	"time"
)

func TestWorkerHandlesJobs(t *testing.T) {
	done := make(chan int, 3)
	w := NewWorker("test", func(j Job) error {
		done <- j.ID
		return nil
	})
	w.Start()
	for i := 1; i <= 3; i++ {
		if !w.Submit(Job{ID: i}) {
			t.Fatalf("submit %d rejected", i)
		}
	}
	for i := 0; i < 3; i++ {
		select {
		case <-done:
		case <-time.After(time.Second):
			t.Fatal("job not handled")
		}
	}
	w.Stop()
	if w.Submit(Job{ID: 4}) {
		t.Fatal("submit after stop accepted")
	}
}
