package gauges

import (
	"runtime"
	"time"
)

func StartRuntimeCollector(r *Registry, every time.Duration) func() {
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				r.Set("go_heap_bytes", float64(ms.HeapAlloc))
				r.Set("go_goroutines", float64(runtime.NumGoroutine()))
			}
		}
	}()
	return func() { close(stop) }
}
