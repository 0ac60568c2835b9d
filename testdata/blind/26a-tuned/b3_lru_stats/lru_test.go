package b3_lru_stats

import "testing"

func TestEviction(t *testing.T) {
	c := New(2)
	c.Add("a", 1)
	c.Add("b", 2)
	c.Add("c", 3)
	if _, ok := c.Get("a"); ok {
		t.Fatal("a should have been evicted")
	}
	if got := c.Stats().Evictions; got != 1 {
		t.Fatalf("evictions = %d, want 1", got)
	}
}
