// BAD: Shutdown waits for the job workers, but the reporter goroutine started by
// StartReporter is not stopped or waited for and keeps reading a.counts, which
// Shutdown then resets without a.mu.
package main

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"
)

type event struct {
	kind string
	n    int
}

// Aggregator counts events by kind. Its methods are safe for concurrent use.
type Aggregator struct {
	mu     sync.Mutex
	counts map[string]int

	events  chan event
	workers sync.WaitGroup
}

func NewAggregator(workers int) *Aggregator {
	a := &Aggregator{
		counts: make(map[string]int),
		events: make(chan event, 64),
	}
	for i := 0; i < workers; i++ {
		a.workers.Add(1)
		go a.consume()
	}
	return a
}

func (a *Aggregator) consume() {
	defer a.workers.Done()
	for ev := range a.events {
		a.mu.Lock()
		a.counts[ev.kind] += ev.n
		a.mu.Unlock()
	}
}

// StartReporter logs a snapshot of the counters every interval until ctx ends.
func (a *Aggregator) StartReporter(ctx context.Context, interval time.Duration) {
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				log.Printf("aggregator: %v", a.Snapshot())
			}
		}
	}()
}

func (a *Aggregator) Record(kind string, n int) {
	a.events <- event{kind: kind, n: n}
}

func (a *Aggregator) Snapshot() map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make(map[string]int, len(a.counts))
	for k, v := range a.counts {
		out[k] = v
	}
	return out
}

// Shutdown drains pending events and clears the counters.
func (a *Aggregator) Shutdown() map[string]int {
	close(a.events)
	a.workers.Wait()
	final := a.Snapshot()
	a.counts = make(map[string]int) // want "without holding|without a lock"
	return final
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	a := NewAggregator(3)
	a.StartReporter(ctx, 10*time.Millisecond)
	for i := 0; i < 100; i++ {
		a.Record([]string{"get", "put", "delete"}[i%3], 1)
	}
	time.Sleep(25 * time.Millisecond)
	fmt.Println(a.Shutdown())
	time.Sleep(25 * time.Millisecond)
}
