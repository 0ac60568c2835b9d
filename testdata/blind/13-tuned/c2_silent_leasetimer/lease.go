// Class 2, SILENT: Acquire returns holding l.mu on purpose (an exclusive lease); the unlock lives in the local closure release, which the time.AfterFunc callback always calls when the lease expires.
package c2_silent_leasetimer

import (
	"sync"
	"time"
)

type Lease struct {
	mu      sync.Mutex
	holder  string
	expires time.Time
	granted int
}

// Acquire blocks until the lease is free, then holds it for ttl.
func (l *Lease) Acquire(who string, ttl time.Duration) time.Time {
	l.mu.Lock()
	l.holder = who
	l.expires = time.Now().Add(ttl)
	l.granted++
	exp := l.expires

	release := func() {
		l.holder = ""
		l.mu.Unlock()
	}
	time.AfterFunc(ttl, func() {
		release()
	})
	return exp
}
