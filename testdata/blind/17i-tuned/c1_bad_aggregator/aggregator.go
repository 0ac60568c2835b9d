package main

import (
	"context"
	"fmt"
	"math/rand"
	"sync"
	"time"
)

type Sample struct {
	Name  string
	Value float64
}

// Aggregator polls a set of probes and folds their samples into totals.
type Aggregator struct {
	probes []string
	cancel context.CancelFunc

	samples chan Sample
	wg      sync.WaitGroup

	mu     sync.Mutex
	totals map[string]float64
}

func NewAggregator(probes []string) *Aggregator {
	return &Aggregator{
		probes:  probes,
		samples: make(chan Sample, 16),
		totals:  make(map[string]float64),
	}
}

func (a *Aggregator) Start(ctx context.Context) {
	ctx, a.cancel = context.WithCancel(ctx)

	// The folder drains samples into the totals map.
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		for s := range a.samples {
			a.mu.Lock()
			a.totals[s.Name] += s.Value
			a.mu.Unlock()
		}
	}()

	for _, p := range a.probes {
		go a.poll(ctx, p)
	}
}

func (a *Aggregator) poll(ctx context.Context, name string) {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			a.samples <- Sample{Name: name, Value: rand.Float64()}
		}
	}
}

// Close stops polling and waits for the folder to finish.
func (a *Aggregator) Close() map[string]float64 {
	a.cancel()
	close(a.samples)
	a.wg.Wait()

	a.mu.Lock()
	defer a.mu.Unlock()
	out := make(map[string]float64, len(a.totals))
	for k, v := range a.totals {
		out[k] = v
	}
	return out
}

func main() {
	agg := NewAggregator([]string{"cpu", "mem", "disk", "net"})
	agg.Start(context.Background())
	time.Sleep(50 * time.Millisecond)
	for k, v := range agg.Close() {
		fmt.Printf("%s=%.2f\n", k, v)
	}
}
