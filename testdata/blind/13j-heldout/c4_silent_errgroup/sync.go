package replica

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// Change is one mutation read from the primary's change log.
type Change struct {
	Seq   int64
	Table string
	Row   []byte
}

// Log streams changes from the primary.
type Log interface {
	Next(ctx context.Context) (Change, error)
}

// Applier applies a change to the replica.
type Applier interface {
	Apply(ctx context.Context, c Change) error
}

// Follow tails the primary's log and applies changes with n appliers until
// ctx is cancelled or any member fails; the first error is returned.
func Follow(ctx context.Context, l Log, a Applier, n int) error {
	g, ctx := errgroup.WithContext(ctx)
	changes := make(chan Change, n)

	g.Go(func() error {
		defer close(changes)
		for {
			c, err := l.Next(ctx)
			if err != nil {
				return fmt.Errorf("read log: %w", err)
			}
			select {
			case changes <- c:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	})

	for i := 0; i < n; i++ {
		g.Go(func() error {
			for {
				select {
				case <-ctx.Done():
					return ctx.Err()
				case c, ok := <-changes:
					if !ok {
						return nil
					}
					if err := a.Apply(ctx, c); err != nil {
						return fmt.Errorf("apply seq %d: %w", c.Seq, err)
					}
				}
			}
		})
	}

	return g.Wait()
}
