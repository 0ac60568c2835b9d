package main

import (
	"fmt"
	"math/rand"
	"sort"
	"time"
)

type probeResult struct {
	endpoint string
	healthy  bool
	latency  time.Duration
}

func probe(endpoint string) probeResult {
	d := time.Duration(rand.Intn(80)) * time.Millisecond
	time.Sleep(d)
	return probeResult{endpoint: endpoint, healthy: d < 60*time.Millisecond, latency: d}
}

// HealthChecker probes a set of endpoints and reports the healthy ones.
type HealthChecker struct {
	endpoints []string
	timeout   time.Duration
}

func (h *HealthChecker) Check() ([]string, error) {
	pending := make(map[string]chan probeResult, len(h.endpoints))
	for _, ep := range h.endpoints {
		ch := make(chan probeResult)
		pending[ep] = ch
		go func() {
			ch <- probe(ep)
		}()
	}

	deadline := time.After(h.timeout)
	var healthy []string
	for ep, ch := range pending {
		select {
		case res := <-ch:
			if res.healthy {
				healthy = append(healthy, res.endpoint)
			}
		case <-deadline:
			return healthy, fmt.Errorf("health check timed out waiting for %s", ep)
		}
	}
	sort.Strings(healthy)
	return healthy, nil
}

func main() {
	h := &HealthChecker{
		endpoints: []string{"api-0:443", "api-1:443", "api-2:443", "api-3:443"},
		timeout:   40 * time.Millisecond,
	}
	ok, err := h.Check()
	fmt.Println(ok, err)
	time.Sleep(100 * time.Millisecond)
}
