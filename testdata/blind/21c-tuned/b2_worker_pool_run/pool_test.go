package b2_worker_pool_run

import (
	"context"
	"testing"
)

func TestPoolStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := NewPool(4, 8)
	go p.Run(ctx)
	cancel()
	p.wg.Wait()
}

func TestResizeAllQueueFull(t *testing.T) {
	jobs := make([]Job, 10)
	if err := ResizeAll(jobs, 2); err == nil {
		t.Fatal("expected queue-full error")
	}
}
