package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Prober periodically checks backends and publishes which ones are up.
type Prober struct {
	backends []string
	check    func(context.Context, string) error

	mu sync.Mutex
	up map[string]bool

	parent   context.Context
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	interval time.Duration
	rounds   int
	lastRun  time.Time
}

func NewProber(parent context.Context, backends []string, check func(context.Context, string) error) *Prober {
	return &Prober{parent: parent, backends: backends, check: check, up: make(map[string]bool)}
}

func (p *Prober) launch(every time.Duration) {
	ctx, cancel := context.WithCancel(p.parent)
	p.cancel = cancel
	p.interval = every
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		p.loop(ctx, every)
	}()
}

func (p *Prober) loop(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			next := make(map[string]bool, len(p.backends))
			for _, b := range p.backends {
				next[b] = p.check(ctx, b) == nil
			}
			p.mu.Lock()
			p.up = next
			p.mu.Unlock()
			p.rounds++
			p.lastRun = now
		}
	}
}

// Start begins probing.
func (p *Prober) Start(every time.Duration) { p.launch(every) }

// Stop cancels the probe loop and waits for it to exit.
func (p *Prober) Stop() {
	p.cancel()
	p.wg.Wait()
}

// SetInterval replaces the running loop with one using the new interval.
func (p *Prober) SetInterval(every time.Duration) {
	p.Stop()
	fmt.Printf("prober: %d rounds at %s, last at %s\n", p.rounds, p.interval, p.lastRun.Format("15:04:05.000"))
	p.rounds = 0
	p.launch(every)
}

// Up returns the backends that passed their last check.
func (p *Prober) Up() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for b, ok := range p.up {
		if ok {
			out = append(out, b)
		}
	}
	sort.Strings(out)
	return out
}

func main() {
	check := func(ctx context.Context, addr string) error {
		if addr == "api-3:8080" {
			return errors.New("503 service unavailable")
		}
		return ctx.Err()
	}
	p := NewProber(context.Background(), []string{"api-1:8080", "api-2:8080", "api-3:8080"}, check)
	p.Start(2 * time.Millisecond)
	time.Sleep(6 * time.Millisecond)
	p.SetInterval(time.Millisecond)
	time.Sleep(6 * time.Millisecond)
	p.SetInterval(3 * time.Millisecond)
	time.Sleep(6 * time.Millisecond)
	p.Stop()
	fmt.Println("up:", p.Up(), "rounds since last restart:", p.rounds)
}
