package g1_cache_warm

import (
	"context"
	"testing"
)

func TestWarmThenGet(t *testing.T) {
	c := New(func(ctx context.Context) (map[string][]byte, error) {
		return map[string][]byte{"a": []byte("1")}, nil
	})
	ctx := context.Background()
	c.Warm(ctx)
	c.Warm(ctx)
	v, err := c.Get(ctx, "a")
	if err != nil || string(v) != "1" {
		t.Fatalf("Get = %q, %v", v, err)
	}
}
