package b4_hedged_lookup

import (
	"context"
	"errors"
	"time"
)

// Backend resolves service names to addresses.
type Backend interface {
	Resolve(ctx context.Context, name string) (string, error)
}

// Resolver issues a hedged lookup: the primary is asked first and, if it has
// not answered within HedgeDelay, the secondary is asked too.
type Resolver struct {
	Primary    Backend
	Secondary  Backend
	HedgeDelay time.Duration
}

type answer struct {
	addr string
	err  error
	from string
}

// NewResolver builds a resolver with a default hedge delay.
func NewResolver(primary, secondary Backend) *Resolver {
	return &Resolver{Primary: primary, Secondary: secondary, HedgeDelay: 5 * time.Millisecond}
}

// Lookup returns whichever backend answers first.
func (r *Resolver) Lookup(ctx context.Context, name string) (string, error) {
	if r.Primary == nil || r.Secondary == nil {
		return "", errors.New("resolver: backends not configured")
	}
	results := make(chan answer)

	go func() {
		addr, err := r.Primary.Resolve(ctx, name)
		results <- answer{addr: addr, err: err, from: "primary"}
	}()
	go func() {
		select {
		case <-time.After(r.HedgeDelay):
		case <-ctx.Done():
		}
		addr, err := r.Secondary.Resolve(ctx, name)
		results <- answer{addr: addr, err: err, from: "secondary"}
	}()

	first := <-results
	close(results) // BAD: two goroutines each send once but only one value was received; the slower one panics
	return first.addr, first.err
}
