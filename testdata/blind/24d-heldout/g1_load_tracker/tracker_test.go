package g1_load_tracker

import "testing"

func TestShutdownTotals(t *testing.T) {
	tr := NewTracker()
	for i := 0; i < 10; i++ {
		tr.Record("a", 1)
		tr.Record("b", 2)
	}
	got := tr.Shutdown()
	if got["a"] != 10 || got["b"] != 20 {
		t.Fatalf("totals = %v", got)
	}
	tr.Record("a", 5)
	if got := tr.Shutdown(); got["a"] != 15 {
		t.Fatalf("second shutdown totals = %v", got)
	}
}
