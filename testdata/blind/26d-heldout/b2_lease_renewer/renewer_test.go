package b2_lease_renewer

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

type countingStore struct{ n atomic.Int32 }

func (s *countingStore) Renew(ctx context.Context, key string, ttl time.Duration) error {
	s.n.Add(1)
	return ctx.Err()
}

func TestRenewerRenews(t *testing.T) {
	st := &countingStore{}
	r := NewRenewer(st, "leader", 30*time.Millisecond)
	r.Start(context.Background())
	defer r.Stop()

	deadline := time.Now().Add(time.Second)
	for r.Renewals() < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("only %d renewals", r.Renewals())
		}
		time.Sleep(5 * time.Millisecond)
	}
}
