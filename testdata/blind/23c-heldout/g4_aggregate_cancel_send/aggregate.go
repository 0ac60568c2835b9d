// Correct: ctx is cancelled only by the collector goroutine, immediately before it sends the summary; Summarize's deferred cancel runs after the receive.
package g4_aggregate_cancel_send

import (
	"context"
	"log"
	"sort"
	"sync/atomic"
	"time"
)

// Sample is one latency measurement.
type Sample struct {
	Endpoint string
	Latency  time.Duration
}

// Summary aggregates samples per endpoint.
type Summary struct {
	Count int
	P50   map[string]time.Duration
}

// Summarize drains in until it is closed and returns per-endpoint medians.
// While collecting it logs progress every interval.
func Summarize(in <-chan Sample, interval time.Duration) Summary {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var seen atomic.Int64
	go reportProgress(ctx, &seen, interval)

	out := make(chan Summary)
	go func() {
		byEndpoint := make(map[string][]time.Duration)
		for {
			select {
			case <-ctx.Done():
				return
			case s, ok := <-in:
				if !ok {
					cancel() // stop the progress reporter
					out <- finish(byEndpoint, int(seen.Load()))
					return
				}
				seen.Add(1)
				byEndpoint[s.Endpoint] = append(byEndpoint[s.Endpoint], s.Latency)
			}
		}
	}()

	sum := <-out
	return sum
}

func reportProgress(ctx context.Context, seen *atomic.Int64, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			log.Printf("aggregate: %d samples so far", seen.Load())
		}
	}
}

func finish(m map[string][]time.Duration, n int) Summary {
	s := Summary{Count: n, P50: make(map[string]time.Duration, len(m))}
	for ep, lats := range m {
		sort.Slice(lats, func(i, j int) bool { return lats[i] < lats[j] })
		s.P50[ep] = lats[len(lats)/2]
	}
	return s
}
