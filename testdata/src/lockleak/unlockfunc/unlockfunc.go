// Package unlockfunc checks unlocks through function values kept in
// local variables: called directly, from deferred or nested function
// literals, or handed to a timer.
package unlockfunc

import (
	"bufio"
	"errors"
	"log"
	"sync"
	"time"
)

var errClosed = errors.New("closed")

// Adapted from blind case c2_bad_flushearly: the early return comes
// before the deferred literal that calls unlock is registered.
type SyncWriter struct {
	mu     sync.Mutex
	bw     *bufio.Writer
	closed bool
}

func (w *SyncWriter) Flush() (err error) {
	w.mu.Lock()
	unlock := func() { w.mu.Unlock() }
	if w.closed {
		return errClosed // want `return with w.mu still locked: other paths unlock it`
	}
	defer func() {
		if r := recover(); r != nil {
			log.Printf("flush panicked: %v", r)
			err = errors.New("flush failed")
		}
		unlock()
	}()
	return w.bw.Flush()
}

// The deferred literal is registered first. Correct.
func (w *SyncWriter) FlushOK() (err error) {
	w.mu.Lock()
	if w.bw == nil {
		w.mu.Unlock()
		return errClosed
	}
	unlock := func() { w.mu.Unlock() }
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("flush failed")
		}
		unlock()
	}()
	if w.closed {
		return errClosed
	}
	return w.bw.Flush()
}

// A method value kept in a variable, called by a deferred literal. Correct.
func (w *SyncWriter) Reset() error {
	w.mu.Lock()
	if w.bw == nil {
		w.mu.Unlock()
		return nil
	}
	unlock := w.mu.Unlock
	defer func() { unlock() }()
	if w.closed {
		return errClosed
	}
	w.bw.Reset(nil)
	return nil
}

// Adapted from blind case c2_silent_leasetimer (under a name that does
// not say it locks): the lease's unlock is handed to the timer, whose
// callback always calls it. Correct.
type Lease struct {
	mu      sync.Mutex
	holder  string
	granted int
}

func (l *Lease) Grant(who string, ttl time.Duration) int {
	l.mu.Lock()
	if ttl <= 0 {
		l.mu.Unlock()
		return 0
	}
	l.holder = who
	l.granted++
	n := l.granted
	release := func() {
		l.holder = ""
		l.mu.Unlock()
	}
	time.AfterFunc(ttl, func() {
		release()
	})
	return n
}

// An empty name returns with the lease held, while the other path
// hands it to the timer: nothing ever releases it.
func (l *Lease) GrantNamed(who string, ttl time.Duration) error {
	l.mu.Lock()
	if who == "" {
		return errClosed // want `return with l.mu still locked: other paths unlock it`
	}
	l.holder = who
	release := func() { l.mu.Unlock() }
	time.AfterFunc(ttl, func() { release() })
	return nil
}

// The closure is captured by a literal, so it lives in a variable; the
// early return does not call it.
func (l *Lease) Renew(who string) error {
	l.mu.Lock()
	unlock := func() { l.mu.Unlock() }
	check := func() bool { return l.holder == who }
	if !check() {
		return errClosed // want `return with l.mu still locked: other paths unlock it`
	}
	l.granted++
	func() { unlock() }()
	return nil
}

// The deferred literal calls unlock on one path only. A deferred call
// that may unlock counts as the release, as it does when the literal
// calls l.mu.Unlock itself: the model does not tell the paths of a
// deferred call apart.
func (l *Lease) Drop(who string) error {
	l.mu.Lock()
	unlock := func() { l.mu.Unlock() }
	if who == "" {
		unlock()
		return errClosed
	}
	defer func() {
		if l.holder == who {
			unlock()
		}
	}()
	l.holder = ""
	return nil
}

type onceSection struct {
	mu         sync.Mutex
	items      []string
	unlockOnce sync.Once
}

func (o *onceSection) unlock() { o.mu.Unlock() }

// remove ends its critical section through a Once on the not-found
// path, and a deferred Do ends it on the other. Correct.
func (o *onceSection) remove(name string) error {
	o.mu.Lock()
	defer o.unlockOnce.Do(o.unlock)
	for i, it := range o.items {
		if it == name {
			o.items = append(o.items[:i], o.items[i+1:]...)
			return nil
		}
	}
	o.unlockOnce.Do(o.unlock)
	return errors.New("missing")
}

// drop defers a Once that does not unlock: the found path leaves o.mu
// locked, the other unlocks.
func (o *onceSection) drop(name string) error {
	o.mu.Lock()
	defer o.unlockOnce.Do(func() {})
	for _, it := range o.items {
		if it == name {
			return nil // want `return with o.mu still locked`
		}
	}
	o.mu.Unlock()
	return errors.New("missing")
}
