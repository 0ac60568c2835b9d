package g3_lease_owner

import (
	"sync"
	"time"
)

// Lease is a single-holder, time-bounded lock used for leader election.
type Lease struct {
	mu      sync.Mutex
	holder  string
	expires time.Time
	now     func() time.Time
}

// NewLease returns an unheld lease.
func NewLease() *Lease { return &Lease{now: time.Now} }

// TryAcquire grants the lease to id if it is free or expired.
func (l *Lease) TryAcquire(id string, ttl time.Duration) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if l.holder != "" && l.holder != id && now.Before(l.expires) {
		return false
	}
	l.holder = id
	l.expires = now.Add(ttl)
	return true
}

// Release gives the lease up if id holds it.
func (l *Lease) Release(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.holder == id {
		l.holder = ""
	}
}

// Holder returns the current holder, or "" if none.
func (l *Lease) Holder() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.holder != "" && !l.now().Before(l.expires) {
		return ""
	}
	return l.holder
}
