// BAD: Start stores the WithCancel cancel in p.cancel but Stop only flips a flag and never calls it,
// so the poll loop waiting on ctx.Done() runs forever and nothing ever ends the context.
package main

import (
	"context"
	"log"
	"sync"
	"time"
)

type HealthSource interface {
	Check(ctx context.Context) error
}

type pingSource struct{ name string }

func (s pingSource) Check(ctx context.Context) error {
	select {
	case <-time.After(5 * time.Millisecond):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

type Poller struct {
	mu       sync.Mutex
	src      HealthSource
	interval time.Duration
	cancel   context.CancelFunc
	stopped  bool
	failures int
}

func NewPoller(src HealthSource, interval time.Duration) *Poller {
	return &Poller{src: src, interval: interval}
}

func (p *Poller) Start() {
	ctx, cancel := context.WithCancel(context.Background()) // want "never called"
	p.mu.Lock()
	p.cancel = cancel
	p.stopped = false
	p.mu.Unlock()
	go p.loop(ctx)
}

func (p *Poller) loop(ctx context.Context) {
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if p.isStopped() {
				continue
			}
			if err := p.src.Check(ctx); err != nil {
				p.mu.Lock()
				p.failures++
				p.mu.Unlock()
				log.Printf("health check failed: %v", err)
			}
		}
	}
}

func (p *Poller) isStopped() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stopped
}

// Stop pauses polling.
func (p *Poller) Stop() {
	p.mu.Lock()
	p.stopped = true
	p.mu.Unlock()
}

func (p *Poller) Failures() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.failures
}

func main() {
	p := NewPoller(pingSource{name: "db"}, 20*time.Millisecond)
	p.Start()
	time.Sleep(100 * time.Millisecond)
	p.Stop()
	log.Printf("failures: %d", p.Failures())
}
