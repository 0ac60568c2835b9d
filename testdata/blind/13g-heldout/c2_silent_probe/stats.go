package dnscheck

import (
	"context"
	"sync"
	"time"
)

type Totals struct {
	Slowest time.Duration
	Sum     time.Duration
	Errors  int
}

func (r *Runner) Measure(ctx context.Context, hosts []string) Totals {
	checks := make([]Check, len(hosts))
	var wg sync.WaitGroup
	for i, h := range hosts {
		checks[i].Host = h
		wg.Add(1)
		go func(c *Check) {
			defer wg.Done()
			r.lookup(ctx, c, func(*Check) {})
		}(&checks[i])
	}
	wg.Wait()

	var t Totals
	for _, c := range checks {
		t.Sum += c.Latency
		if c.Latency > t.Slowest {
			t.Slowest = c.Latency
		}
		if c.Err != nil {
			t.Errors++
		}
	}
	return t
}
