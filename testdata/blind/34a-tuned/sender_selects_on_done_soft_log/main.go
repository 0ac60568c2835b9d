// GOOD: the test's helper only logs a timeout, but the sending goroutine also selects
// on a done channel the test closes on return, so it always gets to exit.
package metrics

import (
	"sort"
	"sync"
)

// Histogram records observations and reports percentiles.
type Histogram struct {
	mu   sync.Mutex
	vals []float64
}

// Observe records one value.
func (h *Histogram) Observe(v float64) {
	h.mu.Lock()
	h.vals = append(h.vals, v)
	h.mu.Unlock()
}

// Percentile returns the p-th percentile (0..100) of the recorded values.
func (h *Histogram) Percentile(p float64) float64 {
	h.mu.Lock()
	vals := append([]float64(nil), h.vals...)
	h.mu.Unlock()
	if len(vals) == 0 {
		return 0
	}
	sort.Float64s(vals)
	idx := int(p / 100 * float64(len(vals)-1))
	return vals[idx]
}

// Count returns the number of observations.
func (h *Histogram) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.vals)
}
