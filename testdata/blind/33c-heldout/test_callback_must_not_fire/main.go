// GOOD: (see main_test.go) the test's goroutine sends only if the debounced flush fires
// after Stop, which must not happen; the test passes when the window ends with nothing received.
package debounce

import (
	"sync"
	"time"
)

// Debouncer coalesces bursts of Trigger calls into a single call to fn.
type Debouncer struct {
	mu      sync.Mutex
	delay   time.Duration
	fn      func(n int)
	pending int
	timer   *time.Timer
	stopped bool
}

func New(delay time.Duration, fn func(n int)) *Debouncer {
	return &Debouncer{delay: delay, fn: fn}
}

func (d *Debouncer) Trigger() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stopped {
		return
	}
	d.pending++
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.delay, d.flush)
}

func (d *Debouncer) flush() {
	d.mu.Lock()
	n := d.pending
	d.pending = 0
	stopped := d.stopped
	d.mu.Unlock()
	if n > 0 && !stopped {
		d.fn(n)
	}
}

// Stop cancels any pending flush; fn will not be called again.
func (d *Debouncer) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopped = true
	if d.timer != nil {
		d.timer.Stop()
	}
}
