// GOOD: TestDoSucceedsFirstTry keeps an OnRetry hook that sends on an unbuffered channel
// nobody reads, but its fake transport succeeds at once, so no retry (and no hook) occurs.

// Package retry calls an operation with bounded exponential backoff.
package retry

import (
	"context"
	"time"
)

// Policy configures Do.
type Policy struct {
	Attempts  int
	BaseDelay time.Duration
	// OnRetry is called before each retry with the attempt number that
	// just failed and its error. It is not called after the final attempt.
	OnRetry func(attempt int, err error)
}

// Do runs op until it succeeds, ctx is done, or the attempts run out.
func Do(ctx context.Context, p Policy, op func(ctx context.Context) error) error {
	if p.Attempts < 1 {
		p.Attempts = 1
	}
	delay := p.BaseDelay
	var err error
	for attempt := 1; attempt <= p.Attempts; attempt++ {
		if err = op(ctx); err == nil {
			return nil
		}
		if attempt == p.Attempts {
			break
		}
		if p.OnRetry != nil {
			p.OnRetry(attempt, err)
		}
		select {
		case <-time.After(delay):
			delay *= 2
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}
