// SILENT: the Sleep is the length of the load window; afterwards stop is closed and wg.Wait() joins every client before the counters are summed, so no result is read before its goroutine has finished.
package ss_silent_loadwindow

import (
	"sync"
	"time"
)

type Target interface {
	Do() error
}

type clientStats struct {
	ok, failed int
	slowest    time.Duration
}

type Report struct {
	Requests, Errors int
	Slowest          time.Duration
}

// Soak drives target from `clients` goroutines for the given window.
func Soak(target Target, clients int, window time.Duration) Report {
	stats := make([]clientStats, clients)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := &stats[c]
			for {
				select {
				case <-stop:
					return
				default:
				}
				start := time.Now()
				if err := target.Do(); err != nil {
					st.failed++
				} else {
					st.ok++
				}
				if d := time.Since(start); d > st.slowest {
					st.slowest = d
				}
			}
		}()
	}

	time.Sleep(window)
	close(stop)
	wg.Wait()

	var r Report
	for _, st := range stats {
		r.Requests += st.ok + st.failed
		r.Errors += st.failed
		r.Slowest = max(r.Slowest, st.slowest)
	}
	return r
}
