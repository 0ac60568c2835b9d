package store

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestFreezeBlocksWriters(t *testing.T) {
	s := New()
	thaw := s.Freeze()

	var wrote atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Set("k", 42)
		wrote.Store(true)
	}()

	// Give the writer a chance to run; it must stay blocked.
	time.Sleep(20 * time.Millisecond)
	if wrote.Load() {
		t.Fatal("Set completed while the store was frozen")
	}

	thaw()
	wg.Wait()
	if !wrote.Load() {
		t.Fatal("writer did not finish after thaw")
	}
	if v, ok := s.Get("k"); !ok || v != 42 {
		t.Fatalf("Get = %d, %v; want 42, true", v, ok)
	}
}
