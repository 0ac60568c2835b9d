// Package b3_health_probe periodically checks the health endpoints of
// configured backends.
package b3_health_probe

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"
)

type Target struct {
	Name string
	URL  string // base URL from the config file
}

type Status struct {
	Healthy bool
	Err     error
	Checked time.Time
}

type Prober struct {
	client   *http.Client
	targets  []Target
	timeout  time.Duration
	interval time.Duration

	mu     sync.Mutex
	status map[string]Status
}

func NewProber(targets []Target, interval time.Duration) *Prober {
	return &Prober{
		client:   &http.Client{},
		targets:  targets,
		timeout:  3 * time.Second,
		interval: interval,
		status:   make(map[string]Status),
	}
}

// Run probes every target each interval until ctx is done.
func (p *Prober) Run(ctx context.Context) {
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		p.probeAll(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (p *Prober) probeAll(ctx context.Context) {
	for _, t := range p.targets {
		if ctx.Err() != nil {
			return
		}
		tctx, cancel := context.WithTimeout(ctx, p.timeout) // BAD: a malformed target URL takes the continue without cancel
		req, err := http.NewRequestWithContext(tctx, http.MethodGet, t.URL+"/healthz", nil)
		if err != nil {
			p.record(t.Name, fmt.Errorf("build request: %w", err))
			continue
		}
		resp, err := p.client.Do(req)
		if err != nil {
			cancel()
			p.record(t.Name, err)
			continue
		}
		resp.Body.Close()
		cancel()
		if resp.StatusCode != http.StatusOK {
			p.record(t.Name, fmt.Errorf("status %d", resp.StatusCode))
			continue
		}
		p.record(t.Name, nil)
	}
}

func (p *Prober) record(name string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.status[name] = Status{Healthy: err == nil, Err: err, Checked: time.Now()}
}

// Status returns the last known status of the named target.
func (p *Prober) Status(name string) (Status, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.status[name]
	return s, ok
}
