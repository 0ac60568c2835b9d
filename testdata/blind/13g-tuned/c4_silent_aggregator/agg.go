package metrics

import (
	"sort"
	"sync"
)

type Sample struct {
	Name  string
	Value float64
}

type Aggregator struct {
	samples chan Sample
	once    sync.Once
	done    chan struct{}

	mu     sync.Mutex
	totals map[string]float64
	counts map[string]int
}

func NewAggregator(buffer int) *Aggregator {
	a := &Aggregator{
		samples: make(chan Sample, buffer),
		done:    make(chan struct{}),
		totals:  make(map[string]float64),
		counts:  make(map[string]int),
	}
	go a.consume()
	return a
}

func (a *Aggregator) Record(name string, v float64) {
	a.samples <- Sample{Name: name, Value: v}
}

func (a *Aggregator) consume() {
	defer close(a.done)
	for s := range a.samples {
		a.mu.Lock()
		a.totals[s.Name] += s.Value
		a.counts[s.Name]++
		a.mu.Unlock()
	}
}

func (a *Aggregator) Means() map[string]float64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make(map[string]float64, len(a.totals))
	for k, sum := range a.totals {
		out[k] = sum / float64(a.counts[k])
	}
	return out
}

func (a *Aggregator) Names() []string {
	m := a.Means()
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func (a *Aggregator) Close() map[string]float64 {
	a.once.Do(func() { close(a.samples) })
	<-a.done
	return a.Means()
}
