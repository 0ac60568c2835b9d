package b2_lease_renewer

import (
	"context"
	"sync"
	"time"
)

// Store is the lease backend (etcd, consul, ...).
type Store interface {
	Renew(ctx context.Context, key string, ttl time.Duration) error
}

// Renewer keeps a lease alive in the background.
type Renewer struct {
	store    Store
	key      string
	ttl      time.Duration
	interval time.Duration

	mu          sync.Mutex
	renewals    int
	lastErr     error
	cancelRenew context.CancelFunc
	done        chan struct{}
}

// NewRenewer builds a Renewer; call Start to begin renewing.
func NewRenewer(s Store, key string, ttl time.Duration) *Renewer {
	return &Renewer{store: s, key: key, ttl: ttl, interval: ttl / 3, done: make(chan struct{})}
}

// Start launches the renewal loop.
func (r *Renewer) Start(parent context.Context) {
	ctx, cancel := context.WithCancel(parent) // BAD: cancel is stored in cancelRenew but nothing ever calls it
	r.cancelRenew = cancel
	go r.loop(ctx)
}

func (r *Renewer) loop(ctx context.Context) {
	t := time.NewTicker(r.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.done:
			return
		case <-t.C:
			err := r.store.Renew(ctx, r.key, r.ttl)
			r.mu.Lock()
			r.renewals++
			r.lastErr = err
			r.mu.Unlock()
		}
	}
}

// Renewals reports how many renew attempts have been made.
func (r *Renewer) Renewals() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.renewals
}

// Stop ends the renewal loop.
func (r *Renewer) Stop() {
	close(r.done)
}
