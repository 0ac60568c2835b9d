// Class 7, SILENT: Start can succeed only once (CompareAndSwap on started) and makes its unlocked set-up writes before it starts the two goroutines, the only code that touches those fields (under a.mu), so every such access is ordered after the writes.
package c7_silent_startonce

import (
	"context"
	"errors"
	"log"
	"sync"
	"sync/atomic"
	"time"
)

var errStarted = errors.New("agent already started")

type Agent struct {
	started atomic.Bool
	mu      sync.Mutex
	name    string
	every   time.Duration
	report  func(string, map[string]int) error
	seen    map[string]int
}

func (a *Agent) Start(ctx context.Context, name string, every time.Duration, events <-chan string,
	report func(string, map[string]int) error) error {
	if !a.started.CompareAndSwap(false, true) {
		return errStarted
	}
	a.name = name
	a.every = every
	a.report = report
	a.seen = make(map[string]int)
	go a.count(ctx, events)
	go a.loop(ctx)
	return nil
}

func (a *Agent) count(ctx context.Context, events <-chan string) {
	for {
		select {
		case key := <-events:
			a.mu.Lock()
			a.seen[key]++
			a.mu.Unlock()
		case <-ctx.Done():
			return
		}
	}
}

func (a *Agent) loop(ctx context.Context) {
	a.mu.Lock()
	t := time.NewTicker(a.every)
	a.mu.Unlock()
	defer t.Stop()
	for {
		select {
		case <-t.C:
			a.mu.Lock()
			name, report := a.name, a.report
			snap := make(map[string]int, len(a.seen))
			for k, v := range a.seen {
				snap[k] = v
			}
			a.mu.Unlock()
			if err := report(name, snap); err != nil {
				log.Printf("%s: report: %v", name, err)
			}
		case <-ctx.Done():
			return
		}
	}
}
