// GOOD: the test only logs a timeout, but its result channel has capacity 1, so the
// probing goroutine's single send always completes and the goroutine exits.
package health

import (
	"context"
	"fmt"
	"time"
)

// Status is the outcome of one probe.
type Status struct {
	Target  string
	Healthy bool
	Latency time.Duration
}

// CheckFunc probes one target.
type CheckFunc func(ctx context.Context, target string) error

// Prober runs a check against a target with a per-probe timeout.
type Prober struct {
	check   CheckFunc
	timeout time.Duration
}

// NewProber returns a Prober using check with the given timeout.
func NewProber(check CheckFunc, timeout time.Duration) *Prober {
	return &Prober{check: check, timeout: timeout}
}

// Probe runs the check once and reports the status.
func (p *Prober) Probe(ctx context.Context, target string) Status {
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	start := time.Now()
	err := p.check(ctx, target)
	return Status{Target: target, Healthy: err == nil, Latency: time.Since(start)}
}

// String renders the status for logs.
func (s Status) String() string {
	state := "down"
	if s.Healthy {
		state = "up"
	}
	return fmt.Sprintf("%s %s (%s)", s.Target, state, s.Latency.Round(time.Millisecond))
}
