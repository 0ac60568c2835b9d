package ratelimit

import (
	"sync"
	"time"
)

// Window counts requests per key within a sliding window.
type Window struct {
	mu     sync.Mutex
	limit  int
	period time.Duration
	hits   map[string][]time.Time
}

func NewWindow(limit int, period time.Duration) *Window {
	return &Window{limit: limit, period: period, hits: make(map[string][]time.Time)}
}

// Allow reports whether one more request for key fits in the window.
func (w *Window) Allow(key string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := time.Now()
	cutoff := now.Add(-w.period)
	kept := w.hits[key][:0]
	for _, t := range w.hits[key] {
		if t.After(cutoff) {
			kept = append(kept, t)
		}
	}
	if len(kept) >= w.limit {
		w.hits[key] = kept
		return false
	}
	w.hits[key] = append(kept, now)
	return true
}
