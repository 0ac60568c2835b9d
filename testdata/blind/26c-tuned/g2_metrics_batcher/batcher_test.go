package g2_metrics_batcher

import (
	"sync"
	"testing"
	"time"
)

func TestFlushOnSizeAndInterval(t *testing.T) {
	var mu sync.Mutex
	var batches [][]Point
	b := NewBatcher(2, 20*time.Millisecond, func(ps []Point) {
		mu.Lock()
		batches = append(batches, ps)
		mu.Unlock()
	})
	b.Add("req.count", 1)
	b.Add("req.count", 2)
	b.Add("req.latency", 0.3)
	time.Sleep(60 * time.Millisecond)
	b.Add("req.count", 3)
	b.Stop()

	mu.Lock()
	defer mu.Unlock()
	total := 0
	for _, bt := range batches {
		total += len(bt)
	}
	if total != 4 {
		t.Fatalf("flushed %d points, want 4", total)
	}
}
