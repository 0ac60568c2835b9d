package b4_fixture_probe

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// Result is one health-check outcome.
type Result struct {
	URL    string
	Status int
	Err    error
}

// Prober polls a health endpoint until its context ends.
type Prober struct {
	Client   *http.Client
	Interval time.Duration
}

func NewProber(interval time.Duration) *Prober {
	return &Prober{Client: &http.Client{Timeout: time.Second}, Interval: interval}
}

// Run probes url every Interval and sends each Result on out.
func (p *Prober) Run(ctx context.Context, url string, out chan<- Result) {
	t := time.NewTicker(p.Interval)
	defer t.Stop()
	for {
		r := p.probeOnce(ctx, url)
		select {
		case out <- r:
		case <-ctx.Done():
			return
		}
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}

func (p *Prober) probeOnce(ctx context.Context, url string) Result {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Result{URL: url, Err: err}
	}
	resp, err := p.Client.Do(req)
	if err != nil {
		return Result{URL: url, Err: fmt.Errorf("probe %s: %w", url, err)}
	}
	resp.Body.Close()
	return Result{URL: url, Status: resp.StatusCode}
}
