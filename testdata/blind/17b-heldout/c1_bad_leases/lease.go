package leases

import (
	"sync"
	"time"
)

type Lease struct {
	owner  *Manager
	holder string

	mu       sync.Mutex
	expires  time.Time
	released bool
}

func (l *Lease) expiredAt(now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.released || now.After(l.expires)
}

func (l *Lease) Renew(d time.Duration) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.released {
		return false
	}
	l.expires = time.Now().Add(d)
	return true
}

func (l *Lease) Release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.released {
		return
	}
	l.released = true
	l.owner.forget(l.holder)
}
