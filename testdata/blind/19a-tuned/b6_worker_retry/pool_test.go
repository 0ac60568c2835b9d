package b6_worker_retry

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetry(t *testing.T) {
	p := NewPool(2, time.Millisecond)
	var calls atomic.Int32
	done := make(chan struct{})
	p.Submit(&Job{Name: "flaky", Priority: 1, Run: func() error {
		if calls.Add(1) < 2 {
			return errors.New("transient")
		}
		close(done)
		return nil
	}})
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("job never succeeded")
	}
	p.Close()
}
