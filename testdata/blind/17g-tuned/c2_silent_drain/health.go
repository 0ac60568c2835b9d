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
	err      error
}

func probe(endpoint string) probeResult {
	d := time.Duration(rand.Intn(80)) * time.Millisecond
	time.Sleep(d)
	if d > 70*time.Millisecond {
		return probeResult{endpoint: endpoint, err: fmt.Errorf("%s: slow response", endpoint)}
	}
	return probeResult{endpoint: endpoint, healthy: true}
}

// HealthChecker probes a set of endpoints and reports the healthy ones.
type HealthChecker struct {
	endpoints []string
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

	var healthy []string
	var firstErr error
	for _, ch := range pending {
		res := <-ch
		if res.err != nil {
			if firstErr == nil {
				firstErr = res.err
			}
			continue
		}
		if res.healthy {
			healthy = append(healthy, res.endpoint)
		}
	}
	sort.Strings(healthy)
	return healthy, firstErr
}

func main() {
	h := &HealthChecker{
		endpoints: []string{"api-0:443", "api-1:443", "api-2:443", "api-3:443"},
	}
	ok, err := h.Check()
	fmt.Println(ok, err)
}
