// BAD: when Stop closes done, the loop's done case only sets the stopping field (read by Stopping for
// callers) and never returns; the `for {}` never checks the flag, so the goroutine never ends.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Lease is a renewable lock held against a coordination service.
type Lease struct {
	Key     string
	TTL     time.Duration
	expires time.Time
}

// Renewer keeps a lease alive until stopped.
type Renewer struct {
	lease    *Lease
	done     chan struct{}
	stopping atomic.Bool
	renewals atomic.Int64

	mu  sync.Mutex
	err error
}

// NewRenewer starts renewing l at a third of its TTL.
func NewRenewer(l *Lease) *Renewer {
	r := &Renewer{lease: l, done: make(chan struct{})}
	go r.keepAlive() // want "does not terminate|never terminates"
	return r
}

func (r *Renewer) keepAlive() {
	t := time.NewTicker(r.lease.TTL / 3)
	defer t.Stop()
	for {
		select {
		case <-r.done:
			r.stopping.Store(true)
		case now := <-t.C:
			if err := r.renew(now); err != nil {
				r.mu.Lock()
				r.err = err
				r.mu.Unlock()
			}
		}
	}
}

func (r *Renewer) renew(now time.Time) error {
	if r.lease.Key == "" {
		return fmt.Errorf("lease has no key")
	}
	r.lease.expires = now.Add(r.lease.TTL)
	r.renewals.Add(1)
	return nil
}

// Stopping reports whether Stop has been observed by the renewer.
func (r *Renewer) Stopping() bool { return r.stopping.Load() }

// Err returns the last renewal error.
func (r *Renewer) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// Stop ends renewals; the lease will lapse after its TTL.
func (r *Renewer) Stop() { close(r.done) }

func main() {
	r := NewRenewer(&Lease{Key: "locks/leader", TTL: 30 * time.Millisecond})
	time.Sleep(50 * time.Millisecond)
	r.Stop()
	time.Sleep(5 * time.Millisecond)
	fmt.Println("renewals:", r.renewals.Load(), "stopping:", r.Stopping(), "err:", r.Err())
}
