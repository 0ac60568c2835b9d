// GOOD: the flush callback sends on an unbuffered channel, and the test receives from
// it in a select with a timeout, so the debouncer's timer goroutine is never stuck.

// Package debounce batches keys and flushes them after a quiet period.
package debounce

import (
	"sort"
	"sync"
	"time"
)

// Debouncer collects keys and calls flush once no new key has arrived for wait.
type Debouncer struct {
	wait  time.Duration
	flush func(keys []string)

	mu      sync.Mutex
	pending map[string]struct{}
	timer   *time.Timer
}

// New returns a Debouncer. flush is called on the timer goroutine.
func New(wait time.Duration, flush func(keys []string)) *Debouncer {
	return &Debouncer{wait: wait, flush: flush, pending: make(map[string]struct{})}
}

// Add records keys and restarts the quiet-period timer.
func (d *Debouncer) Add(keys ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, k := range keys {
		d.pending[k] = struct{}{}
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.wait, d.fire)
}

func (d *Debouncer) fire() {
	d.mu.Lock()
	keys := make([]string, 0, len(d.pending))
	for k := range d.pending {
		keys = append(keys, k)
	}
	d.pending = make(map[string]struct{})
	d.mu.Unlock()

	if len(keys) == 0 {
		return
	}
	sort.Strings(keys)
	d.flush(keys)
}
