// BAD: each per-URL context's cancel is discarded, so its 30s timer and its registration on the
// parent context live on after the fetch goroutine has finished.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"time"
)

type result struct {
	url    string
	status int
	bytes  int64
	err    error
}

type Prober struct {
	client  *http.Client
	timeout time.Duration
}

func NewProber(timeout time.Duration) *Prober {
	return &Prober{
		client:  &http.Client{},
		timeout: timeout,
	}
}

func (p *Prober) probe(ctx context.Context, url string) result {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return result{url: url, err: err}
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return result{url: url, err: err}
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	return result{url: url, status: resp.StatusCode, bytes: n, err: err}
}

// ProbeAll checks every URL concurrently and returns the results in input order.
func (p *Prober) ProbeAll(parent context.Context, urls []string) []result {
	results := make([]result, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		ctx, _ := context.WithTimeout(parent, p.timeout) // want "never called"
		wg.Add(1)
		go func(i int, u string) {
			defer wg.Done()
			results[i] = p.probe(ctx, u)
		}(i, u)
	}
	wg.Wait()
	return results
}

func main() {
	urls := os.Args[1:]
	if len(urls) == 0 {
		urls = []string{"https://example.com", "https://example.org"}
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()

	p := NewProber(30 * time.Second)
	for _, r := range p.ProbeAll(ctx, urls) {
		if r.err != nil {
			fmt.Printf("%-30s error: %v\n", r.url, r.err)
			continue
		}
		fmt.Printf("%-30s %d %d bytes\n", r.url, r.status, r.bytes)
	}
}
