package debounce

import (
	"sync"
	"time"
)

// Debouncer coalesces bursts of triggers into a single call of fn.
type Debouncer struct {
	wait time.Duration
	fn   func()

	mu    sync.Mutex
	timer *time.Timer
}

func New(wait time.Duration, fn func()) *Debouncer {
	return &Debouncer{wait: wait, fn: fn}
}

func (d *Debouncer) Trigger() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.wait, d.fn)
}

// Cancel drops a pending call. It reports whether one was pending.
func (d *Debouncer) Cancel() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer == nil {
		return false
	}
	stopped := d.timer.Stop()
	d.timer = nil
	return stopped
}
