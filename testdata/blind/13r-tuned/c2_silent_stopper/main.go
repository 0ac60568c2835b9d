package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// stopper runs tasks and stops them all together.
type stopper struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newStopper() *stopper {
	ctx, cancel := context.WithCancel(context.Background())
	return &stopper{ctx: ctx, cancel: cancel}
}

// Go starts fn as a task tracked by the stopper.
func (s *stopper) Go(fn func(ctx context.Context)) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		fn(s.ctx)
	}()
}

// Stop cancels every task and waits for them to return.
func (s *stopper) Stop() {
	s.cancel()
	s.wg.Wait()
}

type probeResult struct {
	target  string
	latency time.Duration
	ok      bool
}

// Prober checks a set of targets periodically and reports results.
type Prober struct {
	results chan probeResult
	stopper *stopper
	check   func(string) bool
}

func NewProber(targets []string, every time.Duration, check func(string) bool) *Prober {
	p := &Prober{
		results: make(chan probeResult),
		stopper: newStopper(),
		check:   check,
	}
	for _, target := range targets {
		p.stopper.Go(func(ctx context.Context) {
			p.probeLoop(ctx, target, every)
		})
	}
	return p
}

func (p *Prober) probeLoop(ctx context.Context, target string, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		start := time.Now()
		ok := p.check(target)
		r := probeResult{target: target, latency: time.Since(start), ok: ok}
		select {
		case <-ctx.Done():
			return
		case p.results <- r:
		}
	}
}

func (p *Prober) Results() <-chan probeResult { return p.results }

// Shutdown stops all probes and closes the results stream.
func (p *Prober) Shutdown() {
	p.stopper.Stop()
	close(p.results)
}

func main() {
	p := NewProber([]string{"db:5432", "cache:6379", "api:443"}, time.Millisecond,
		func(string) bool { return true })
	go func() {
		time.Sleep(20 * time.Millisecond)
		p.Shutdown()
	}()
	n := 0
	for r := range p.Results() {
		if r.ok {
			n++
		}
	}
	fmt.Println("healthy probes:", n)
}
