package health

import (
	"context"
	"net/http"
	"sync"
	"time"
)

type Result struct {
	URL     string
	Healthy bool
	Latency time.Duration
}

type Prober struct {
	mu        sync.Mutex
	targets   []string
	lastRound []Result
	rounds    int

	client *http.Client
	lat    latencies
}

func NewProber(targets []string) *Prober {
	return &Prober{targets: targets, client: &http.Client{Timeout: 3 * time.Second}}
}

func (p *Prober) Round(ctx context.Context) []Result {
	p.mu.Lock()
	defer p.mu.Unlock()

	results := make([]Result, len(p.targets))
	var wg sync.WaitGroup
	for i, u := range p.targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = p.check(ctx, u)
		}()
	}
	wg.Wait()

	p.lastRound = results
	p.rounds++
	return results
}

func (p *Prober) check(ctx context.Context, url string) Result {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Result{URL: url}
	}
	resp, err := p.client.Do(req)
	d := time.Since(start)
	p.lat.observe(url, d)
	if err != nil {
		return Result{URL: url, Latency: d}
	}
	resp.Body.Close()
	return Result{URL: url, Healthy: resp.StatusCode < 500, Latency: d}
}

func (p *Prober) Last() []Result {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Result(nil), p.lastRound...)
}
