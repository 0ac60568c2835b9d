package main

import (
	"fmt"
	"math/rand"
	"sort"
	"sync"
	"time"
)

type Response struct {
	Status  int
	Latency time.Duration
}

// fakeBackend simulates an HTTP endpoint with variable latency.
func fakeBackend(id int) Response {
	d := time.Duration(200+rand.Intn(800)) * time.Microsecond
	time.Sleep(d)
	status := 200
	if id%17 == 0 {
		status = 503
	}
	return Response{Status: status, Latency: d}
}

func main() {
	const (
		total = 40
		rate  = 2000 // requests per second
	)
	interval := time.Second / rate

	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  int
		wg        sync.WaitGroup
	)
	for i := 0; i < total; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			r := fakeBackend(id)
			mu.Lock()
			defer mu.Unlock()
			latencies = append(latencies, r.Latency)
			if r.Status >= 500 {
				failures++
			}
		}(i)
		time.Sleep(interval)
	}
	wg.Wait()

	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	p50 := latencies[len(latencies)/2]
	p99 := latencies[len(latencies)*99/100]
	fmt.Printf("requests=%d failures=%d p50=%v p99=%v\n", len(latencies), failures, p50, p99)
}
