package owned

import (
	"sync"
	"time"
)

// sweepStats are written by the sweeper without the lock; Reset clears
// them holding mu, which the sweeper never takes for them: the lock
// orders nothing.
type sweepStats struct {
	mu    sync.Mutex
	items map[string]time.Time

	evictions int
	lastSweep time.Time
}

func newSweepStats() *sweepStats {
	s := &sweepStats{items: map[string]time.Time{}}
	go s.sweep()
	return s
}

func (s *sweepStats) sweep() {
	for now := range s.tick() {
		s.mu.Lock()
		n := len(s.items)
		s.mu.Unlock()
		s.evictions += n // want `write to s.evictions in the goroutine running sweep without a lock, while Reset, which any goroutine may run, writes it holding a lock that goroutine does not take`
		s.lastSweep = now // want `write to s.lastSweep in the goroutine running sweep without a lock, while Reset, which any goroutine may run, writes it holding a lock that goroutine does not take`
	}
}

func (s *sweepStats) Reset() {
	s.mu.Lock()
	s.evictions = 0
	s.lastSweep = time.Time{}
	s.mu.Unlock()
}

// lockedSweep's sweeper takes mu for its writes too: silent.
type lockedSweep struct {
	mu        sync.Mutex
	evictions int
}

func newLockedSweep() *lockedSweep {
	s := &lockedSweep{}
	go s.sweep()
	return s
}

func (s *lockedSweep) sweep() {
	for range s.tick() {
		s.mu.Lock()
		s.evictions++
		s.mu.Unlock()
	}
}

func (s *lockedSweep) Reset() {
	s.mu.Lock()
	s.evictions = 0
	s.mu.Unlock()
}

var _, _ = newSweepStats, newLockedSweep

func (s *sweepStats) tick() <-chan time.Time  { return nil }
func (s *lockedSweep) tick() <-chan time.Time { return nil }
