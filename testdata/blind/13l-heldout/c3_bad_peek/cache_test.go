package cache

import (
	"testing"
	"time"
)

func TestPrefetchFillsCache(t *testing.T) {
	c := New(slowLoader(time.Millisecond))
	ch := c.Prefetch("user:42")

	time.Sleep(30 * time.Millisecond)
	select {
	case v, ok := <-ch:
		if !ok || v != "value-of-user:42" {
			t.Fatalf("prefetch = %q, %v", v, ok)
		}
	default:
		t.Fatal("prefetch did not complete")
	}
	if v, ok := c.Get("user:42"); !ok || v != "value-of-user:42" {
		t.Fatalf("Get = %q, %v", v, ok)
	}
}
