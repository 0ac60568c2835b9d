package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type Sample struct {
	Name  string
	Value float64
	At    time.Time
}

// MetricsSink samples runtime gauges on an interval and aggregates them.
type MetricsSink struct {
	samples chan Sample
	stop    chan struct{}
	wg      sync.WaitGroup

	mu    sync.Mutex
	total map[string]float64
	count map[string]int
}

func NewMetricsSink(interval time.Duration) *MetricsSink {
	s := &MetricsSink{
		samples: make(chan Sample, 16),
		stop:    make(chan struct{}),
		total:   make(map[string]float64),
		count:   make(map[string]int),
	}
	s.wg.Add(1)
	go s.aggregate()
	go s.collect(interval)
	return s
}

func (s *MetricsSink) collect(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case now := <-t.C:
			s.samples <- Sample{Name: "goroutines", Value: float64(runtime.NumGoroutine()), At: now}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			s.samples <- Sample{Name: "heap_alloc", Value: float64(ms.HeapAlloc), At: now}
		}
	}
}

func (s *MetricsSink) aggregate() {
	defer s.wg.Done()
	for smp := range s.samples {
		s.mu.Lock()
		s.total[smp.Name] += smp.Value
		s.count[smp.Name]++
		s.mu.Unlock()
	}
}

// Stop halts collection and waits until every sample has been aggregated.
func (s *MetricsSink) Stop() {
	close(s.stop)
	close(s.samples)
	s.wg.Wait()
}

func (s *MetricsSink) Mean(name string) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.count[name] == 0 {
		return 0
	}
	return s.total[name] / float64(s.count[name])
}

func main() {
	sink := NewMetricsSink(2 * time.Millisecond)
	time.Sleep(15 * time.Millisecond)
	sink.Stop()
	fmt.Printf("mean goroutines: %.1f\n", sink.Mean("goroutines"))
	fmt.Printf("mean heap: %.0f\n", sink.Mean("heap_alloc"))
}
