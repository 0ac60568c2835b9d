// Correct: the loop writes healthy/lastErr only under c.mu (readers take RLock); failStreak/probeCount are touched only by the loop goroutine.
package g2_health_checker

import (
	"context"
	"sync"
	"time"
)

type Probe func(ctx context.Context, backend string) error

type Checker struct {
	backends []string
	probe    Probe
	interval time.Duration

	mu      sync.RWMutex
	healthy map[string]bool
	lastErr map[string]error
	phase   string

	// loop-only
	failStreak map[string]int
	probeCount int

	cancel context.CancelFunc
	done   chan struct{}
}

func NewChecker(backends []string, p Probe, every time.Duration) *Checker {
	return &Checker{
		backends:   backends,
		probe:      p,
		interval:   every,
		healthy:    make(map[string]bool),
		lastErr:    make(map[string]error),
		failStreak: make(map[string]int),
		phase:      "idle",
	}
}

func (c *Checker) Healthy(b string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.healthy[b]
}

func (c *Checker) LastError(b string) error {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.lastErr[b]
}

func (c *Checker) Phase() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.phase
}

func (c *Checker) setPhase(p string) {
	c.mu.Lock()
	c.phase = p
	c.mu.Unlock()
}

func (c *Checker) Start(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	c.cancel = cancel
	c.done = make(chan struct{})
	c.setPhase("running")
	go c.loop(ctx)
}

func (c *Checker) Stop() {
	c.cancel()
	<-c.done
	c.setPhase("stopped")
}

func (c *Checker) loop(ctx context.Context) {
	defer close(c.done)
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			for _, b := range c.backends {
				c.check(ctx, b)
			}
		}
	}
}

func (c *Checker) check(ctx context.Context, b string) {
	pctx, cancel := context.WithTimeout(ctx, c.interval/2)
	err := c.probe(pctx, b)
	cancel()
	c.probeCount++
	if err != nil {
		c.failStreak[b]++
	} else {
		c.failStreak[b] = 0
	}
	up := c.failStreak[b] < 3
	c.mu.Lock()
	c.healthy[b] = up
	c.lastErr[b] = err
	if c.probeCount%100 == 0 {
		c.phase = "running"
	}
	c.mu.Unlock()
}
