package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// HealthChecker probes a set of upstreams periodically and keeps the latest
// result for each of them.
type HealthChecker struct {
	targets []string
	probe   func(string) error

	mu     sync.Mutex
	status map[string]error

	ctx       context.Context
	rounds    int
	lastRound time.Time
}

func NewHealthChecker(targets []string, probe func(string) error) *HealthChecker {
	return &HealthChecker{targets: targets, probe: probe, status: make(map[string]error)}
}

// Start begins probing every interval until ctx is cancelled.
func (h *HealthChecker) Start(ctx context.Context, every time.Duration) {
	h.ctx = ctx
	go h.run(ctx, every)
}

// SetInterval switches the checker to a new probe interval.
func (h *HealthChecker) SetInterval(every time.Duration) {
	go h.run(h.ctx, every)
}

func (h *HealthChecker) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			results := make(map[string]error, len(h.targets))
			for _, target := range h.targets {
				results[target] = h.probe(target)
			}
			h.mu.Lock()
			h.status = results
			h.mu.Unlock()
			h.rounds++
			if h.rounds%10 == 0 {
				fmt.Printf("health: %d rounds, %s since previous\n", h.rounds, now.Sub(h.lastRound))
			}
			h.lastRound = now
		}
	}
}

// Unhealthy lists the targets whose last probe failed.
func (h *HealthChecker) Unhealthy() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for t, err := range h.status {
		if err != nil {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

func main() {
	down := map[string]bool{"db-2:5432": true}
	probe := func(addr string) error {
		if down[addr] {
			return errors.New("connection refused")
		}
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hc := NewHealthChecker([]string{"db-1:5432", "db-2:5432", "cache:6379"}, probe)
	hc.Start(ctx, 2*time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	hc.SetInterval(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("unhealthy:", hc.Unhealthy())
}
