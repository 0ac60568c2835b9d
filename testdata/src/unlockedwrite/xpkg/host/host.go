package host

import (
	"sync"

	"unlockedwrite/xpkg/stats"
)

type Host struct {
	mu sync.Mutex
	n  int
}

// LoadAll starts a loader per name; each one counts in stats without
// stats' lock.
func LoadAll(names []string) {
	var wg sync.WaitGroup
	for range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stats.Load() // want `call of stats.Load in a goroutine started in a loop writes stats.loaded without holding stats.mu, which guards it in its package: races with the other goroutines`
		}()
	}
	wg.Wait()
}

// CountAll's goroutines count with stats' lock held by stats.Count.
func CountAll(names []string) {
	var wg sync.WaitGroup
	for range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stats.Count()
		}()
	}
	wg.Wait()
}

// LoadSerial holds a lock of its own around the call in each goroutine.
func (h *Host) LoadSerial(names []string) {
	var wg sync.WaitGroup
	for range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.mu.Lock()
			stats.Load()
			h.n++
			h.mu.Unlock()
		}()
	}
	wg.Wait()
}

// LoadInOrder loads one after the other, in one goroutine.
func LoadInOrder(names []string) {
	for range names {
		stats.Load()
	}
}
