package metrics

import (
	"sync"
)

// Sample is one measurement reported by a shard.
type Sample struct {
	Shard string
	Value float64
}

// Aggregator sums samples from a variable number of in-flight reporters.
type Aggregator struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	sums  map[string]float64
	count int
}

func NewAggregator() *Aggregator {
	return &Aggregator{sums: make(map[string]float64)}
}

// Collecting announces that one more reporter is in flight.
func (a *Aggregator) Collecting() { a.wg.Add(1) }

// Done retires one reporter.
func (a *Aggregator) Done() { a.wg.Done() }

// Collect adds a sample and retires its reporter.
func (a *Aggregator) Collect(s Sample) {
	a.mu.Lock()
	a.sums[s.Shard] += s.Value
	a.count++
	a.mu.Unlock()
	a.wg.Done()
}

// Wait returns the per-shard totals once all reporters are finished.
func (a *Aggregator) Wait() (map[string]float64, int) {
	a.wg.Wait()
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make(map[string]float64, len(a.sums))
	for k, v := range a.sums {
		out[k] = v
	}
	return out, a.count
}

// Shard is a source of raw readings.
type Shard struct {
	Name     string
	Readings []float64
}

// Scrape reads every shard on its own goroutine; each reading is
// converted on a separate goroutine.
func Scrape(shards []Shard, scale float64) (map[string]float64, int) {
	agg := NewAggregator()
	for _, sh := range shards {
		agg.Collecting()
		go func() {
			for _, r := range sh.Readings {
				if r < 0 {
					continue
				}
				agg.Collecting()
				go func(v float64) {
					agg.Collect(Sample{Shard: sh.Name, Value: v * scale})
				}(r)
			}
			agg.Done()
		}()
	}
	return agg.Wait()
}
