// GOOD: acquireLease returns its cancel to the caller, which defers it, and renew defers the cancel of its
// per-attempt timeout, so every context created here is released on every path.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type Lease struct {
	Holder  string
	Expires time.Time
}

type LockClient struct {
	ttl    time.Duration
	leases map[string]Lease
}

func NewLockClient(ttl time.Duration) *LockClient {
	return &LockClient{ttl: ttl, leases: make(map[string]Lease)}
}

// acquireLease grabs the named lock and returns a context that ends when the
// lease expires, together with the cancel the caller must call to release it.
func (c *LockClient) acquireLease(parent context.Context, name, holder string) (context.Context, context.CancelFunc, error) {
	if l, ok := c.leases[name]; ok && time.Now().Before(l.Expires) && l.Holder != holder {
		return nil, nil, fmt.Errorf("lock %q held by %s", name, l.Holder)
	}
	expires := time.Now().Add(c.ttl)
	c.leases[name] = Lease{Holder: holder, Expires: expires}
	ctx, cancel := context.WithDeadline(parent, expires)
	return ctx, cancel, nil
}

func (c *LockClient) renew(ctx context.Context, name string) error {
	rctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	select {
	case <-rctx.Done():
		return rctx.Err()
	default:
	}
	l, ok := c.leases[name]
	if !ok {
		return errors.New("lease lost")
	}
	l.Expires = time.Now().Add(c.ttl)
	c.leases[name] = l
	return nil
}

func runMigration(ctx context.Context, c *LockClient) error {
	lctx, release, err := c.acquireLease(ctx, "schema-migration", "node-a")
	if err != nil {
		return err
	}
	defer release()

	for step := 1; step <= 3; step++ {
		if err := c.renew(lctx, "schema-migration"); err != nil {
			return fmt.Errorf("step %d: %w", step, err)
		}
		fmt.Println("applied migration step", step)
	}
	return nil
}

func main() {
	c := NewLockClient(time.Second)
	if err := runMigration(context.Background(), c); err != nil {
		fmt.Println("migration failed:", err)
	}
}
