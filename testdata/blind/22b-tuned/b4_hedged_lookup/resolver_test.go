package b4_hedged_lookup

import (
	"context"
	"testing"
	"time"
)

type fakeBackend struct {
	addr  string
	delay time.Duration
}

func (f fakeBackend) Resolve(ctx context.Context, name string) (string, error) {
	select {
	case <-time.After(f.delay):
		return f.addr, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func TestLookupPrefersFastest(t *testing.T) {
	r := NewResolver(fakeBackend{"10.0.0.1:80", 50 * time.Millisecond}, fakeBackend{"10.0.0.2:80", time.Millisecond})
	addr, err := r.Lookup(context.Background(), "users")
	if err != nil {
		t.Fatal(err)
	}
	if addr != "10.0.0.2:80" {
		t.Fatalf("addr = %q, want secondary", addr)
	}
	time.Sleep(60 * time.Millisecond)
}
