// Correct: the renewal goroutine selects on ctx.Done(), and the test cancels the context via defer on both the early-success and timeout paths.
package g6_lease_ctx_cancel

import (
	"sync"
	"time"
)

// Lease is a renewable time-bounded lock held by one owner.
type Lease struct {
	mu      sync.Mutex
	owner   string
	expires time.Time
	ttl     time.Duration
}

func NewLease(owner string, ttl time.Duration) *Lease {
	return &Lease{owner: owner, ttl: ttl, expires: time.Now().Add(ttl)}
}

// Renew extends the lease and returns the new expiry.
func (l *Lease) Renew() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.expires = time.Now().Add(l.ttl)
	return l.expires
}

func (l *Lease) Expired(now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return now.After(l.expires)
}
