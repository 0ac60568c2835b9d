package main

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"
)

type result struct {
	url    string
	status int
	took   time.Duration
	err    error
}

// spawnCheck starts one health probe; the result is delivered on out.
func spawnCheck(wg *sync.WaitGroup, out chan<- result, client *http.Client, url string) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		start := time.Now()
		resp, err := client.Get(url)
		r := result{url: url, took: time.Since(start), err: err}
		if err == nil {
			r.status = resp.StatusCode
			resp.Body.Close()
		}
		out <- r
	}()
}

func checkAll(urls []string) []result {
	client := &http.Client{Timeout: 5 * time.Second}
	out := make(chan result, len(urls))
	var wg sync.WaitGroup
	for _, u := range urls {
		spawnCheck(&wg, out, client, u)
	}
	// The channel has room for every result, so it can be closed now and
	// drained after the probes finish.
	close(out)
	wg.Wait()

	var results []result
	for r := range out {
		results = append(results, r)
	}
	sort.Slice(results, func(i, j int) bool { return results[i].url < results[j].url })
	return results
}

func main() {
	urls := []string{
		"http://localhost:8080/healthz",
		"http://localhost:8081/healthz",
		"http://localhost:8082/healthz",
	}
	for _, r := range checkAll(urls) {
		if r.err != nil {
			fmt.Printf("%-35s DOWN %v\n", r.url, r.err)
			continue
		}
		fmt.Printf("%-35s %d %s\n", r.url, r.status, r.took)
	}
}
