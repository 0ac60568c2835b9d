// Package b4_stats_reset provides a small latency histogram for exporting
// request timings.
package b4_stats_reset

import (
	"sort"
	"sync"
	"time"
)

// Histogram counts observations in fixed latency buckets. It is safe for
// concurrent use.
type Histogram struct {
	mu      sync.Mutex
	bounds  []time.Duration
	counts  []uint64
	total   uint64
	sum     time.Duration
	resetAt time.Time
}

// NewHistogram returns a histogram with the given upper bounds.
func NewHistogram(bounds ...time.Duration) *Histogram {
	b := append([]time.Duration(nil), bounds...)
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	return &Histogram{
		bounds:  b,
		counts:  make([]uint64, len(b)+1),
		resetAt: time.Now(),
	}
}

// Observe records one latency.
func (h *Histogram) Observe(d time.Duration) {
	i := sort.Search(len(h.bounds), func(i int) bool { return d <= h.bounds[i] })
	h.mu.Lock()
	h.counts[i]++
	h.total++
	h.sum += d
	h.mu.Unlock()
}

// Snapshot is a point-in-time copy of a Histogram.
type Snapshot struct {
	Counts []uint64
	Total  uint64
	Mean   time.Duration
	Since  time.Time
}

// Snapshot copies the current counts.
func (h *Histogram) Snapshot() Snapshot {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := Snapshot{
		Counts: append([]uint64(nil), h.counts...),
		Total:  h.total,
		Since:  h.resetAt,
	}
	if h.total > 0 {
		s.Mean = h.sum / time.Duration(h.total)
	}
	return s
}

// Reset zeroes all counters, e.g. after a scrape.
func (h *Histogram) Reset() {
	h.counts = make([]uint64, len(h.bounds)+1) // BAD: exported Reset replaces guarded counts without h.mu
	h.total = 0                                // BAD: exported Reset writes guarded total without h.mu
	h.sum = 0                                  // BAD: exported Reset writes guarded sum without h.mu
	h.resetAt = time.Now()                     // BAD: exported Reset writes guarded resetAt without h.mu
}

// SnapshotAndReset returns the counts and clears them.
func (h *Histogram) SnapshotAndReset() Snapshot {
	s := h.Snapshot()
	h.Reset()
	return s
}
