package g2_cache_invalidator

import "testing"

func TestInvalidateTwice(t *testing.T) {
	c := New()
	c.Put("a", []byte("1"), "users/1")
	c.Put("b", []byte("2"), "users/2")
	_, gen, _ := c.Get("a")
	if n := c.Invalidate("users"); n != 2 {
		t.Fatalf("invalidated %d, want 2", n)
	}
	<-gen
	c.Put("a", []byte("1"), "users/1")
	if n := c.Invalidate("users"); n != 1 {
		t.Fatalf("invalidated %d, want 1", n)
	}
	c.InvalidateAll()
	c.InvalidateAll()
}
