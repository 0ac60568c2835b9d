package b2_probe_targets

import (
	"context"
	"net"
	"sync"
	"time"
)

// Status is the last observed reachability of one target.
type Status struct {
	Up      bool
	Latency time.Duration
	Checked time.Time
}

// Prober keeps a table of TCP reachability results.
type Prober struct {
	timeout  time.Duration
	interval time.Duration

	mu      sync.RWMutex
	results map[string]Status
}

// NewProber returns a Prober with the given per-dial timeout and re-probe interval.
func NewProber(timeout, interval time.Duration) *Prober {
	return &Prober{
		timeout:  timeout,
		interval: interval,
		results:  make(map[string]Status),
	}
}

// Watch begins probing every target in the list. It is called each time the
// service discovery layer publishes a new target set.
func (p *Prober) Watch(targets []string) {
	for _, t := range targets {
		go func(addr string) { // BAD: one endless probe loop per target per Watch call; nothing ever stops them, so they pile up across refreshes
			for {
				p.probeOnce(addr)
				time.Sleep(p.interval)
			}
		}(t)
	}
}

func (p *Prober) probeOnce(addr string) {
	ctx, cancel := context.WithTimeout(context.Background(), p.timeout)
	defer cancel()

	start := time.Now()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	st := Status{Up: err == nil, Latency: time.Since(start), Checked: start}
	if conn != nil {
		conn.Close()
	}

	p.mu.Lock()
	p.results[addr] = st
	p.mu.Unlock()
}

// Snapshot returns a copy of the current results.
func (p *Prober) Snapshot() map[string]Status {
	p.mu.RLock()
	defer p.mu.RUnlock()
	out := make(map[string]Status, len(p.results))
	for k, v := range p.results {
		out[k] = v
	}
	return out
}

// Healthy reports whether addr answered on its last probe.
func (p *Prober) Healthy(addr string) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.results[addr].Up
}
