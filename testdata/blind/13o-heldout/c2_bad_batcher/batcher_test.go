package metricsbatch

import (
	"sync"
	"testing"
	"time"
)

func TestExporterShipsBatches(t *testing.T) {
	var mu sync.Mutex
	var shipped int
	ship := func(b []Sample) {
		mu.Lock()
		shipped += len(b)
		mu.Unlock()
	}
	gauges := map[string]func() float64{
		"goroutines": func() float64 { return 12 },
		"heap_bytes": func() float64 { return 4 << 20 },
		"open_fds":   func() float64 { return 31 },
	}
	e := NewExporter(gauges, time.Millisecond, 4, ship)
	time.Sleep(20 * time.Millisecond)
	e.Close()

	mu.Lock()
	defer mu.Unlock()
	if shipped == 0 {
		t.Fatal("no samples shipped")
	}
}
