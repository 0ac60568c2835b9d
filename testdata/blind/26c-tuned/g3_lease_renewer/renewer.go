// Correct: the attempt timer is drained only in the result and ctx.Done branches, where nothing has received from t.C since the last Reset; the renewal timer is re-created each cycle instead of drained.
package g3_lease_renewer

import (
	"context"
	"errors"
	"log"
	"time"
)

// LeaseClient talks to the lock service.
type LeaseClient interface {
	Renew(ctx context.Context, leaseID string) (ttl time.Duration, err error)
}

// ErrAttemptTimeout is returned when every attempt ran past attemptTimeout.
var ErrAttemptTimeout = errors.New("lease renewal timed out")

// Renewer keeps a lease alive until its context is cancelled.
type Renewer struct {
	client         LeaseClient
	leaseID        string
	attemptTimeout time.Duration
	maxRetries     int
	lost           chan error
}

// NewRenewer returns a renewer for leaseID.
func NewRenewer(c LeaseClient, leaseID string) *Renewer {
	return &Renewer{
		client:         c,
		leaseID:        leaseID,
		attemptTimeout: 2 * time.Second,
		maxRetries:     3,
		lost:           make(chan error, 1),
	}
}

// Lost delivers the error that ended renewal, if any.
func (r *Renewer) Lost() <-chan error { return r.lost }

type renewResult struct {
	ttl time.Duration
	err error
}

func (r *Renewer) renewWithRetry(ctx context.Context) (time.Duration, error) {
	t := time.NewTimer(r.attemptTimeout)
	defer t.Stop()
	for attempt := 0; ; attempt++ {
		if attempt > 0 {
			t.Reset(r.attemptTimeout)
		}
		resc := make(chan renewResult, 1)
		go func() {
			ttl, err := r.client.Renew(ctx, r.leaseID)
			resc <- renewResult{ttl, err}
		}()
		select {
		case res := <-resc:
			if !t.Stop() {
				<-t.C
			}
			if res.err == nil {
				return res.ttl, nil
			}
			if attempt >= r.maxRetries {
				return 0, res.err
			}
			log.Printf("lease %s: renew failed: %v", r.leaseID, res.err)
		case <-t.C:
			if attempt >= r.maxRetries {
				return 0, ErrAttemptTimeout
			}
		case <-ctx.Done():
			if !t.Stop() {
				<-t.C
			}
			return 0, ctx.Err()
		}
	}
}

// Run renews the lease at half its TTL until ctx ends or renewal fails.
func (r *Renewer) Run(ctx context.Context) {
	ttl, err := r.renewWithRetry(ctx)
	for err == nil {
		next := time.NewTimer(ttl / 2)
		select {
		case <-next.C:
			ttl, err = r.renewWithRetry(ctx)
		case <-ctx.Done():
			next.Stop()
			return
		}
	}
	if ctx.Err() == nil {
		r.lost <- err
	}
}
