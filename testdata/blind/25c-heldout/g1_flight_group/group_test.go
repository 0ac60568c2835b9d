package g1_flight_group

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDoDeduplicates(t *testing.T) {
	g := NewGroup()
	var calls atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err, _ := g.Do("user:42", func() ([]byte, error) {
				calls.Add(1)
				time.Sleep(20 * time.Millisecond)
				return []byte("alice"), nil
			})
			if err != nil || string(v) != "alice" {
				t.Errorf("Do = %q, %v", v, err)
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n < 1 {
		t.Fatalf("fn never ran")
	}
	if g.InFlight() != 0 {
		t.Fatalf("in-flight map not cleaned up")
	}
}
