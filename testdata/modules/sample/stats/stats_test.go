package stats

import (
	"testing"
	"time"
)

// A flaky test: it sleeps instead of waiting for the goroutine.
func TestTotal(t *testing.T) {
	var total int64
	go func() {
		var c Counter
		c.n.Add(3)
		total = c.Total()
	}()
	time.Sleep(10 * time.Millisecond) // finding: sleepsync
	if total != 3 {
		t.Errorf("total = %d, want 3", total)
	}
}
