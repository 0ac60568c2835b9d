package b1_job_queue

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestWorkersDrainQueue(t *testing.T) {
	q := NewQueue()
	var handled atomic.Int64
	wg := RunWorkers(q, 4, func(Job) { handled.Add(1) })
	for i := 0; i < 100; i++ {
		if err := q.Push(Job{ID: i}); err != nil {
			t.Fatal(err)
		}
	}
	for q.Len() > 0 {
		runtime.Gosched()
	}
	q.Close()
	wg.Wait()
	if got := handled.Load(); got != 100 {
		t.Fatalf("handled %d jobs, want 100", got)
	}
}
