// GOOD: each probe goroutine sends its result in a select that also watches ctx.Done(),
// so when CheckAll returns on the deadline (and cancels ctx) the pending sends give up and the goroutines exit.
package main

import (
	"context"
	"fmt"
	"net"
	"time"
)

type Health struct {
	Addr    string
	Healthy bool
	Latency time.Duration
	Err     error
}

type Prober struct {
	Targets []string
	Timeout time.Duration
	dialer  net.Dialer
}

func (p *Prober) probe(ctx context.Context, addr string) Health {
	start := time.Now()
	conn, err := p.dialer.DialContext(ctx, "tcp", addr)
	h := Health{Addr: addr, Latency: time.Since(start), Err: err}
	if err == nil {
		h.Healthy = true
		conn.Close()
	}
	return h
}

// CheckAll probes every target and returns whatever finished before the timeout.
func (p *Prober) CheckAll(parent context.Context) []Health {
	ctx, cancel := context.WithTimeout(parent, p.Timeout)
	defer cancel()

	results := make(chan Health)
	for _, addr := range p.Targets {
		go func(addr string) {
			h := p.probe(ctx, addr)
			select {
			case results <- h:
			case <-ctx.Done():
			}
		}(addr)
	}

	var out []Health
	for range p.Targets {
		select {
		case h := <-results:
			out = append(out, h)
		case <-ctx.Done():
			return out
		}
	}
	return out
}

func main() {
	p := &Prober{
		Targets: []string{"127.0.0.1:80", "127.0.0.1:5432", "10.255.255.1:443"},
		Timeout: 500 * time.Millisecond,
	}
	for _, h := range p.CheckAll(context.Background()) {
		fmt.Printf("%-20s healthy=%-5v %v %v\n", h.Addr, h.Healthy, h.Latency, h.Err)
	}
}
