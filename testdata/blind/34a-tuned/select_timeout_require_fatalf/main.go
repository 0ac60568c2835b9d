// GOOD: the test's requireTrue helper calls t.Fatalf when the select times out, so a
// goroutine left blocked on the unbuffered send only exists in a failed test.
package retry

import (
	"context"
	"time"
)

// Policy controls how Do retries an operation.
type Policy struct {
	Attempts int
	Base     time.Duration
	Max      time.Duration
}

// Do runs op until it succeeds, ctx is done, or the attempts are used up.
// It returns the number of attempts made and the last error.
func Do(ctx context.Context, p Policy, op func() error) (int, error) {
	delay := p.Base
	var err error
	for i := 1; i <= p.Attempts; i++ {
		if err = op(); err == nil {
			return i, nil
		}
		if i == p.Attempts {
			return i, err
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return i, ctx.Err()
		}
		delay *= 2
		if delay > p.Max {
			delay = p.Max
		}
	}
	return p.Attempts, err
}
