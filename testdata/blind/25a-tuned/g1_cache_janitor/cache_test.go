package g1_cache_janitor

import (
	"testing"
	"time"
)

func TestJanitorEvicts(t *testing.T) {
	c := NewCache[int](5*time.Millisecond, 5*time.Millisecond)
	c.Set("a", 1)
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Fatalf("Get(a) = %v, %v", v, ok)
	}
	deadline := time.Now().Add(time.Second)
	for c.Len() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("janitor did not evict")
		}
		time.Sleep(time.Millisecond)
	}
	if c.Evictions() != 1 {
		t.Fatalf("evictions = %d", c.Evictions())
	}
}
