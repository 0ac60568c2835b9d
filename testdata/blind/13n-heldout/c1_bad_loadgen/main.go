// Command loadgen fires a fixed number of requests at a target handler and
// reports latency percentiles.
package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"time"
)

type stats struct {
	mu        sync.Mutex
	latencies []time.Duration
	errors    int
}

func (s *stats) record(d time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errors++
		return
	}
	s.latencies = append(s.latencies, d)
}

func (s *stats) report() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.latencies) == 0 {
		fmt.Println("no successful requests")
		return
	}
	sorted := append([]time.Duration(nil), s.latencies...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	p := func(q float64) time.Duration { return sorted[int(q*float64(len(sorted)-1))] }
	fmt.Printf("requests=%d errors=%d p50=%v p90=%v p99=%v\n",
		len(sorted), s.errors, p(0.50), p(0.90), p(0.99))
}

func worker(client *http.Client, url string, n int, st *stats) {
	for i := 0; i < n; i++ {
		start := time.Now()
		resp, err := client.Get(url)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		st.record(time.Since(start), err)
	}
}

func progress(st *stats) {
	ticker := time.NewTicker(250 * time.Millisecond)
	defer ticker.Stop()
	for range ticker.C {
		st.mu.Lock()
		done := len(st.latencies) + st.errors
		st.mu.Unlock()
		log.Printf("progress: %d requests completed", done)
	}
}

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Millisecond)
		fmt.Fprintln(w, "ok")
	}))
	defer srv.Close()

	const (
		concurrency = 8
		perWorker   = 200
	)
	client := &http.Client{Timeout: 5 * time.Second}
	st := &stats{}

	go progress(st)
	for i := 0; i < concurrency; i++ {
		go worker(client, srv.URL, perWorker, st)
	}

	// The run normally takes well under this.
	time.Sleep(3 * time.Second)
	st.report()
}
