package dnscheck

import (
	"context"
	"net"
	"time"
)

type Check struct {
	Host    string
	Addrs   []string
	Latency time.Duration
	Err     error
}

type Runner struct {
	Resolver *net.Resolver
}

func (r *Runner) lookup(ctx context.Context, c *Check, finished func(*Check)) {
	start := time.Now()
	addrs, err := r.Resolver.LookupHost(ctx, c.Host)
	c.Latency = time.Since(start)
	c.Addrs = addrs
	c.Err = err
	finished(c)
}

func (r *Runner) CheckAll(ctx context.Context, hosts []string) (ok, failed []*Check) {
	results := make(chan *Check)
	for _, h := range hosts {
		c := &Check{Host: h}
		go r.lookup(ctx, c, func(done *Check) { results <- done })
	}
	for range hosts {
		c := <-results
		if c.Err != nil {
			failed = append(failed, c)
			continue
		}
		if len(c.Addrs) == 0 {
			c.Err = &net.DNSError{Err: "no addresses", Name: c.Host}
			failed = append(failed, c)
			continue
		}
		ok = append(ok, c)
	}
	return ok, failed
}
