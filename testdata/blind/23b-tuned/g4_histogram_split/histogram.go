// Correct: the test's two producers send n/2 values each and the receiver takes exactly n values before stopping.
package g4_histogram_split

import "sync"

// Histogram counts observations into fixed-width buckets.
type Histogram struct {
	mu      sync.Mutex
	width   int
	buckets []int
	total   int
}

// NewHistogram returns a histogram with n buckets of the given width.
func NewHistogram(n, width int) *Histogram {
	return &Histogram{width: width, buckets: make([]int, n)}
}

// Observe records v, clamping it into the last bucket if needed.
func (h *Histogram) Observe(v int) {
	i := v / h.width
	if i < 0 {
		i = 0
	}
	if i >= len(h.buckets) {
		i = len(h.buckets) - 1
	}
	h.mu.Lock()
	h.buckets[i]++
	h.total++
	h.mu.Unlock()
}

// Total returns the number of observations.
func (h *Histogram) Total() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.total
}

// Bucket returns the count in bucket i.
func (h *Histogram) Bucket(i int) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.buckets[i]
}
