// BAD: Health runs the probe in a goroutine that sends on an unbuffered channel and
// recvCtx returns ctx.Err() as soon as the caller's deadline passes; Health hands that
// error back to its caller and the probe goroutine blocks forever on its send.
package healthcheck

import (
	"context"
	"fmt"
	"net"
	"time"
)

// Checker probes a TCP dependency.
type Checker struct {
	Name string
	Addr string
	dial func(network, addr string) (net.Conn, error)
}

// NewChecker returns a Checker for addr.
func NewChecker(name, addr string) *Checker {
	d := &net.Dialer{Timeout: 10 * time.Second}
	return &Checker{Name: name, Addr: addr, dial: d.Dial}
}

// Status is the outcome of one probe.
type Status struct {
	Name    string
	Healthy bool
	Latency time.Duration
}

// recvCtx returns the next value on ch, or the zero value and ctx.Err() once ctx is done.
func recvCtx[T any](ctx context.Context, ch <-chan T) (T, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

func (c *Checker) probe() Status {
	start := time.Now()
	conn, err := c.dial("tcp", c.Addr)
	if err != nil {
		return Status{Name: c.Name, Healthy: false, Latency: time.Since(start)}
	}
	conn.Close()
	return Status{Name: c.Name, Healthy: true, Latency: time.Since(start)}
}

// Health probes the dependency, giving up when ctx is done.
func (c *Checker) Health(ctx context.Context) (Status, error) {
	statuses := make(chan Status) // want "blocks forever"
	go func() {
		statuses <- c.probe()
	}()

	st, err := recvCtx(ctx, statuses)
	if err != nil {
		return Status{Name: c.Name}, fmt.Errorf("health %s: %w", c.Name, err)
	}
	return st, nil
}

// CheckAll probes every checker with a shared per-probe deadline.
func CheckAll(ctx context.Context, checkers []*Checker, per time.Duration) []Status {
	out := make([]Status, 0, len(checkers))
	for _, c := range checkers {
		pctx, cancel := context.WithTimeout(ctx, per)
		st, err := c.Health(pctx)
		cancel()
		if err != nil {
			st = Status{Name: c.Name, Healthy: false}
		}
		out = append(out, st)
	}
	return out
}
