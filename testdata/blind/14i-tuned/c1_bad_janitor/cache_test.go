package ttlcache

import (
	"testing"
	"time"
)

func TestReconfigure(t *testing.T) {
	c := New(10 * time.Millisecond)
	c.StartJanitor(5 * time.Millisecond)
	c.Set("a", []byte("1"))
	c.Reconfigure(2 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	if _, ok := c.Get("a"); ok {
		t.Fatal("entry should have expired")
	}
	c.StopJanitor()
}
