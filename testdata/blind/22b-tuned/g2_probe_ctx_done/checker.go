// Correct: the dial goroutine sends once on a local buffered channel; Probe returns on ctx.Done and only closes after receiving.
package g2_probe_ctx_done

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"
)

// Status is the outcome of a health probe.
type Status struct {
	Target  string
	Healthy bool
	Latency time.Duration
	Err     error
}

// Checker probes TCP endpoints and remembers their last status.
type Checker struct {
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)

	mu   sync.Mutex
	last map[string]Status
}

// NewChecker returns a checker using the standard dialer.
func NewChecker() *Checker {
	var d net.Dialer
	return &Checker{Dial: d.DialContext, last: make(map[string]Status)}
}

// Probe dials target once and records the result. It gives up when ctx ends.
func (c *Checker) Probe(ctx context.Context, target string) (Status, error) {
	res := make(chan Status, 1)
	go func() {
		start := time.Now()
		conn, err := c.Dial(ctx, "tcp", target)
		if err == nil {
			conn.Close()
		}
		res <- Status{Target: target, Healthy: err == nil, Latency: time.Since(start), Err: err}
	}()

	var st Status
	select {
	case st = <-res:
	case <-ctx.Done():
		return Status{Target: target}, fmt.Errorf("probe %s: %w", target, ctx.Err())
	}
	close(res)

	c.mu.Lock()
	c.last[target] = st
	c.mu.Unlock()
	return st, nil
}

// Last returns the most recent recorded status for target.
func (c *Checker) Last(target string) (Status, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st, ok := c.last[target]
	return st, ok
}
