// Class 2, BAD: Hold locks d.mu and only schedules the time.AfterFunc callback that calls the unlock closure when wait > 0; with wait <= 0 it returns with d.mu still locked and nothing ever unlocks it, so the next Hold or Fire deadlocks.
package c2_bad_timerskip

import (
	"sync"
	"time"
)

// Debouncer suppresses Fire calls while a hold window is open.
type Debouncer struct {
	mu    sync.Mutex
	fired int
	last  time.Time
}

// Hold closes the window for wait; Fire blocks until the window reopens.
func (d *Debouncer) Hold(wait time.Duration) {
	d.mu.Lock()
	d.last = time.Now()
	reopen := func() {
		d.last = time.Time{}
		d.mu.Unlock()
	}
	if wait <= 0 {
		return // WANT lockleak
	}
	time.AfterFunc(wait, func() {
		reopen()
	})
}

func (d *Debouncer) Fire(fn func()) {
	d.mu.Lock()
	d.fired++
	d.mu.Unlock()
	fn()
}
