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

// Tally's goroutines share one Usage declared outside the loop.
func Tally(names []string) stats.Usage {
	var total stats.Usage
	var wg sync.WaitGroup
	for range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stats.Miss(&total) // want `call of stats.Miss in a goroutine started in a loop writes total \(u.Misses\) with no lock held: races with the other goroutines`
		}()
	}
	wg.Wait()
	return total
}

// TallyEach's goroutines each count into their own Usage.
func TallyEach(names []string) []stats.Usage {
	out := make([]stats.Usage, len(names))
	var wg sync.WaitGroup
	for i := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine stats.Usage
			stats.Miss(&mine)
			stats.Miss(&out[i])
		}()
	}
	wg.Wait()
	return out
}

// TallyLocked's goroutines hold a lock around the shared count.
func TallyLocked(names []string) stats.Usage {
	var mu sync.Mutex
	var total stats.Usage
	var wg sync.WaitGroup
	for range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			stats.Miss(&total)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

// FirstError's goroutines share a FirstErr, which keeps one error.
func FirstError(names []string, load func(string) error) error {
	var first stats.FirstErr
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := load(n); err != nil {
				first.Set(err)
			}
		}()
	}
	wg.Wait()
	return nil
}

// DrainEmpty's goroutines share a Usage that stays empty: Drain never
// writes it.
func DrainEmpty(names []string) {
	var empty stats.Usage
	var wg sync.WaitGroup
	for range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stats.Drain(&empty)
		}()
	}
	wg.Wait()
}
