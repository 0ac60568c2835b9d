package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type Status struct {
	Endpoint string
	Up       bool
	At       time.Time
}

// run is one generation of pollers together with the channel they publish on.
type run struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	events chan Status
}

// PollerGroup health-checks a set of endpoints. It can be restarted; every
// Start creates a fresh events channel.
type PollerGroup struct {
	endpoints []string
	interval  time.Duration

	mu  sync.Mutex
	cur *run
}

func NewPollerGroup(endpoints []string, interval time.Duration) *PollerGroup {
	return &PollerGroup{endpoints: endpoints, interval: interval}
}

// Start launches the pollers and returns the stream for this run.
func (g *PollerGroup) Start(ctx context.Context) <-chan Status {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cur != nil {
		return g.cur.events
	}
	ctx, cancel := context.WithCancel(ctx)
	r := &run{cancel: cancel, events: make(chan Status)}
	for _, ep := range g.endpoints {
		r.wg.Add(1)
		go func(ep string) {
			defer r.wg.Done()
			poll(ctx, ep, g.interval, r.events)
		}(ep)
	}
	g.cur = r
	return r.events
}

func poll(ctx context.Context, ep string, every time.Duration, out chan<- Status) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			st := Status{Endpoint: ep, Up: len(ep)%2 == 0, At: now}
			select {
			case out <- st:
			case <-ctx.Done():
				return
			}
		}
	}
}

// Stop ends the current run, if any, and closes its stream.
func (g *PollerGroup) Stop() {
	g.mu.Lock()
	r := g.cur
	g.cur = nil
	g.mu.Unlock()
	if r == nil {
		return
	}
	r.cancel()
	r.wg.Wait()
	close(r.events)
}

func main() {
	g := NewPollerGroup([]string{"db:5432", "cache:6379", "api:443"}, 5*time.Millisecond)
	for gen := 0; gen < 2; gen++ {
		events := g.Start(context.Background())
		go func() {
			time.Sleep(25 * time.Millisecond)
			g.Stop()
		}()
		n := 0
		for range events {
			n++
		}
		fmt.Println("generation", gen, "events", n)
	}
}
