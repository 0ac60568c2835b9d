// BAD: LatencyStats is shared by all request goroutines and its exported Reset is
// called by the admin endpoint at any time; Reset replaces s.buckets without s.mu
// while Observe and Snapshot are running under the lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

var bounds = []time.Duration{
	time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, 100 * time.Millisecond,
}

type LatencyStats struct {
	mu      sync.Mutex
	buckets []uint64
	count   uint64
}

func NewLatencyStats() *LatencyStats {
	return &LatencyStats{buckets: make([]uint64, len(bounds)+1)}
}

func (s *LatencyStats) Observe(d time.Duration) {
	i := len(bounds)
	for k, b := range bounds {
		if d <= b {
			i = k
			break
		}
	}
	s.mu.Lock()
	s.buckets[i]++
	s.count++
	s.mu.Unlock()
}

func (s *LatencyStats) Snapshot() []uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]uint64(nil), s.buckets...)
}

func (s *LatencyStats) Count() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count
}

// Reset starts a new measurement window. It is exposed on the admin API.
func (s *LatencyStats) Reset() {
	s.buckets = make([]uint64, len(bounds)+1) // want "without holding"
}

type API struct {
	stats *LatencyStats
}

func (a *API) handleRequest(work time.Duration) {
	start := time.Now()
	time.Sleep(work)
	a.stats.Observe(time.Since(start))
}

func (a *API) handleAdminReset() string {
	before := a.stats.Snapshot()
	a.stats.Reset()
	return fmt.Sprintf("cleared window %v", before)
}

func main() {
	api := &API{stats: NewLatencyStats()}

	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				api.handleRequest(time.Duration(n*j) * 50 * time.Microsecond)
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(2 * time.Millisecond)
		fmt.Println(api.handleAdminReset())
	}()
	wg.Wait()
	fmt.Println(api.stats.Count(), api.stats.Snapshot())
}
