// Command pingdemo probes a handful of simulated backends concurrently and
// prints a latency summary.
package main

import (
	"fmt"
	"math/rand"
	"sort"
	"time"
)

type probeResult struct {
	backend string
	rtt     time.Duration
	ok      bool
}

func probe(backend string) probeResult {
	rtt := time.Duration(20+rand.Intn(400)) * time.Millisecond
	time.Sleep(rtt)
	return probeResult{backend: backend, rtt: rtt, ok: rand.Intn(10) != 0}
}

func summarize(results <-chan probeResult, n int) {
	var rtts []time.Duration
	failed := 0
	for i := 0; i < n; i++ {
		r := <-results
		if !r.ok {
			failed++
			fmt.Printf("  %-12s FAIL\n", r.backend)
			continue
		}
		rtts = append(rtts, r.rtt)
		fmt.Printf("  %-12s %v\n", r.backend, r.rtt)
	}
	sort.Slice(rtts, func(i, j int) bool { return rtts[i] < rtts[j] })
	fmt.Println("summary:")
	fmt.Printf("  probed=%d failed=%d\n", n, failed)
	if len(rtts) > 0 {
		fmt.Printf("  min=%v median=%v max=%v\n", rtts[0], rtts[len(rtts)/2], rtts[len(rtts)-1])
	}
}

func main() {
	backends := []string{"db-primary", "db-replica", "cache-a", "cache-b", "search", "auth", "billing"}
	results := make(chan probeResult)

	for _, b := range backends {
		go func() {
			results <- probe(b)
		}()
	}
	go summarize(results, len(backends))

	fmt.Printf("probing %d backends...\n", len(backends))
	time.Sleep(300 * time.Millisecond)
}
