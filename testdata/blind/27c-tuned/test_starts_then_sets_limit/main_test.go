package dispatch

import (
	"sync"
	"testing"
	"time"
)

func TestSetLimitWhileRunning(t *testing.T) {
	var mu sync.Mutex
	var sizes []int
	d := NewDispatcher(10, func(b []string) {
		mu.Lock()
		sizes = append(sizes, len(b))
		mu.Unlock()
	})
	d.Start()
	defer d.Stop()

	for i := 0; i < 20; i++ {
		d.Enqueue("a")
	}
	time.Sleep(50 * time.Millisecond)

	d.SetLimit(2)
	for i := 0; i < 6; i++ {
		d.Enqueue("b")
	}
	time.Sleep(50 * time.Millisecond)

	mu.Lock()
	defer mu.Unlock()
	if len(sizes) == 0 {
		t.Fatal("no batches delivered")
	}
	if last := sizes[len(sizes)-1]; last > 2 {
		t.Errorf("last batch size = %d, expected at most 2", last)
	}
}
