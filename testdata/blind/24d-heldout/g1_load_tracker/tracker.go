// GOOD: each worker's loadChan is made once, when the worker is first seen, so Shutdown closes a distinct channel per map entry.
package g1_load_tracker

import "sync"

type loadChan struct {
	ch    chan int
	total chan int
}

// Tracker aggregates load samples reported by workers, one aggregator
// goroutine per worker.
type Tracker struct {
	mu       sync.Mutex
	byWorker map[string]loadChan
	totals   map[string]int
}

// NewTracker returns an empty tracker.
func NewTracker() *Tracker {
	return &Tracker{
		byWorker: make(map[string]loadChan),
		totals:   make(map[string]int),
	}
}

func aggregate(lc loadChan) {
	sum := 0
	for n := range lc.ch {
		sum += n
	}
	lc.total <- sum
}

// Record adds a load sample for worker w.
func (t *Tracker) Record(w string, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	lc, ok := t.byWorker[w]
	if !ok {
		lc = loadChan{ch: make(chan int, 64), total: make(chan int, 1)}
		t.byWorker[w] = lc
		go aggregate(lc)
	}
	lc.ch <- n
}

// Shutdown stops every aggregator, collects its total and returns the
// accumulated totals per worker.
func (t *Tracker) Shutdown() map[string]int {
	t.mu.Lock()
	defer t.mu.Unlock()
	for w, lc := range t.byWorker {
		close(lc.ch)
		t.totals[w] += <-lc.total
		delete(t.byWorker, w)
	}
	out := make(map[string]int, len(t.totals))
	for w, v := range t.totals {
		out[w] = v
	}
	return out
}
