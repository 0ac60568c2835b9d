// Correct: each attempt's cancel is called right after the attempt; the tests only drop cancels of short or already-expired deadlines.
package g3_deadline_probe

import (
	"context"
	"errors"
	"time"
)

// Retrier retries an operation with exponential backoff.
type Retrier struct {
	Base           time.Duration
	Max            time.Duration
	AttemptTimeout time.Duration
}

func NewRetrier() *Retrier {
	return &Retrier{Base: 10 * time.Millisecond, Max: time.Second, AttemptTimeout: 500 * time.Millisecond}
}

// ErrPermanent marks an error that must not be retried.
var ErrPermanent = errors.New("retry: permanent failure")

// Do calls op until it succeeds, returns a permanent error, or ctx ends.
// It returns the number of attempts made.
func (r *Retrier) Do(ctx context.Context, op func(context.Context) error) (int, error) {
	delay := r.Base
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return attempt - 1, err
		}
		actx, cancel := context.WithTimeout(ctx, r.AttemptTimeout)
		err := op(actx)
		cancel()
		if err == nil || errors.Is(err, ErrPermanent) {
			return attempt, err
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return attempt, ctx.Err()
		case <-t.C:
		}
		if delay *= 2; delay > r.Max {
			delay = r.Max
		}
	}
}
