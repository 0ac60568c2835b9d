package b1_ttl_cache

import (
	"testing"
	"time"
)

func TestCacheExpiry(t *testing.T) {
	for _, ttl := range []time.Duration{10 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond} {
		c := NewCache(ttl)
		c.Set("k", 1)
		if v, ok := c.Get("k"); !ok || v.(int) != 1 {
			t.Fatalf("ttl %v: expected hit", ttl)
		}
		time.Sleep(ttl * 2)
		if _, ok := c.Get("k"); ok {
			t.Fatalf("ttl %v: expected expiry", ttl)
		}
		c.Close()
	}
}
