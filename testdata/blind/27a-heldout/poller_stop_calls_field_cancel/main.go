// GOOD: the poller keeps the cancel of its loop context in a field and Stop calls it (then waits for the loop),
// so the child of the caller's context is released as soon as the poller is stopped.
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type HealthPoller struct {
	target   string
	interval time.Duration
	check    func(ctx context.Context, target string) error

	cancel context.CancelFunc
	done   chan struct{}
	ok     atomic.Bool
	once   sync.Once
}

func NewHealthPoller(target string, interval time.Duration, check func(context.Context, string) error) *HealthPoller {
	return &HealthPoller{target: target, interval: interval, check: check, done: make(chan struct{})}
}

func (p *HealthPoller) Start(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	p.cancel = cancel
	go p.loop(ctx)
}

func (p *HealthPoller) loop(ctx context.Context) {
	defer close(p.done)
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			cctx, ccancel := context.WithTimeout(ctx, p.interval/2)
			err := p.check(cctx, p.target)
			ccancel()
			p.ok.Store(err == nil)
		}
	}
}

func (p *HealthPoller) Healthy() bool { return p.ok.Load() }

// Stop ends the polling loop and waits for it to exit.
func (p *HealthPoller) Stop() {
	p.once.Do(func() {
		if p.cancel != nil {
			p.cancel()
		}
		<-p.done
	})
}

func main() {
	var calls atomic.Int32
	p := NewHealthPoller("db-primary:5432", 10*time.Millisecond, func(ctx context.Context, target string) error {
		calls.Add(1)
		return ctx.Err()
	})
	p.Start(context.Background())
	time.Sleep(55 * time.Millisecond)
	p.Stop()
	fmt.Printf("healthy=%v checks>0=%v\n", p.Healthy(), calls.Load() > 0)
}
