package ratelimit

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestPacedClientsStayUnderLimit(t *testing.T) {
	w := NewWindow(100, time.Second)
	var allowed, denied atomic.Int64
	var wg sync.WaitGroup
	for c := 0; c < 4; c++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			key := fmt.Sprintf("client-%d", id)
			for i := 0; i < 5; i++ {
				if w.Allow(key) {
					allowed.Add(1)
				} else {
					denied.Add(1)
				}
				// Pace requests like a well-behaved client.
				time.Sleep(2 * time.Millisecond)
			}
		}(c)
	}
	wg.Wait()
	if got := allowed.Load(); got != 20 {
		t.Fatalf("allowed = %d, want 20 (denied %d)", got, denied.Load())
	}
}

func TestBurstIsLimited(t *testing.T) {
	w := NewWindow(3, time.Minute)
	n := 0
	for i := 0; i < 10; i++ {
		if w.Allow("burst") {
			n++
		}
	}
	if n != 3 {
		t.Fatalf("allowed %d, want 3", n)
	}
}
