// GOOD: each attempt context is a child of a context whose cancel is deferred by Do, so the attempt left uncancelled on the success return is released when Do returns.
package g3_retry_attempts

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Permanent marks an error that must not be retried.
type Permanent struct{ Err error }

func (p *Permanent) Error() string { return p.Err.Error() }
func (p *Permanent) Unwrap() error { return p.Err }

type Policy struct {
	MaxAttempts int
	PerAttempt  time.Duration
	BaseDelay   time.Duration
	MaxDelay    time.Duration
}

func DefaultPolicy() Policy {
	return Policy{MaxAttempts: 5, PerAttempt: 2 * time.Second, BaseDelay: 50 * time.Millisecond, MaxDelay: 2 * time.Second}
}

type Retrier struct {
	p     Policy
	sleep func(context.Context, time.Duration) error
}

func New(p Policy) *Retrier {
	return &Retrier{p: p, sleep: sleepCtx}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (r *Retrier) backoff(attempt int) time.Duration {
	d := r.p.BaseDelay << attempt
	if d > r.p.MaxDelay || d <= 0 {
		d = r.p.MaxDelay
	}
	return d/2 + rand.N(d/2+1)
}

// Do calls op until it succeeds, returns a Permanent error, or attempts run out.
func (r *Retrier) Do(ctx context.Context, op func(context.Context) error) error {
	ctx, cancelAll := context.WithCancel(ctx)
	defer cancelAll() // also releases every attempt context derived below

	var last error
	for attempt := 0; attempt < r.p.MaxAttempts; attempt++ {
		actx, cancel := context.WithTimeout(ctx, r.p.PerAttempt)
		err := op(actx)
		if err == nil {
			return nil
		}
		var perm *Permanent
		if errors.As(err, &perm) {
			return perm.Err
		}
		cancel()
		last = err
		if err := r.sleep(ctx, r.backoff(attempt)); err != nil {
			return err
		}
	}
	return last
}
