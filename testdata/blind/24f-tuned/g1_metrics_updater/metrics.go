// GOOD: StartUpdater is a one-shot process set-up step called once from main; the loop only touches package-level gauges and is meant to live as long as the process.
package g1_metrics_updater

import (
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"sync"
	"time"
)

var (
	mu     sync.RWMutex
	gauges = map[string]float64{}
	start  = time.Now()
)

// StartUpdater launches the background collector for process metrics.
// Call it once from main.
func StartUpdater() {
	updateMetrics()
	go func() {
		t := time.NewTicker(15 * time.Second)
		defer t.Stop()
		for range t.C {
			updateMetrics()
		}
	}()
}

func updateMetrics() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	mu.Lock()
	defer mu.Unlock()
	gauges["go_goroutines"] = float64(runtime.NumGoroutine())
	gauges["go_heap_alloc_bytes"] = float64(ms.HeapAlloc)
	gauges["go_gc_cycles_total"] = float64(ms.NumGC)
	gauges["process_uptime_seconds"] = time.Since(start).Seconds()
}

// Set records an application-level gauge.
func Set(name string, v float64) {
	mu.Lock()
	gauges[name] = v
	mu.Unlock()
}

// Handler exposes the gauges in a Prometheus-like text format.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.RLock()
		names := make([]string, 0, len(gauges))
		for n := range gauges {
			names = append(names, n)
		}
		sort.Strings(names)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		for _, n := range names {
			fmt.Fprintf(w, "%s %g\n", n, gauges[n])
		}
		mu.RUnlock()
	})
}
