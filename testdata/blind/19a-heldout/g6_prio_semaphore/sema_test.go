package g6_prio_semaphore

import (
	"context"
	"sync"
	"testing"
)

func TestConcurrent(t *testing.T) {
	s := New(2)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			if err := s.Acquire(context.Background(), 1, p); err != nil {
				t.Error(err)
				return
			}
			s.Release(1)
		}(i)
	}
	wg.Wait()
	if s.Waiting() != 0 {
		t.Fatal("waiters left")
	}
}
