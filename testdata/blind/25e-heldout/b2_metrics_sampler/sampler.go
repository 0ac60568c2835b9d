package b2_metrics_sampler

import (
	"runtime"
	"sort"
	"time"
)

// Sample is one point-in-time reading of the runtime.
type Sample struct {
	At         time.Time
	Goroutines int
	HeapBytes  uint64
}

// Sampler collects a short burst of runtime samples for a diagnostics page.
type Sampler struct {
	count    int
	interval time.Duration
	samples  []Sample
	stop     chan struct{}
}

// NewSampler returns a Sampler that takes count samples, interval apart.
func NewSampler(count int, interval time.Duration) *Sampler {
	return &Sampler{count: count, interval: interval, stop: make(chan struct{})}
}

func readSample() Sample {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return Sample{At: time.Now(), Goroutines: runtime.NumGoroutine(), HeapBytes: ms.HeapAlloc}
}

// Collect takes the samples in the background and returns them after a
// grace period that is "long enough" for the burst to finish.
func (s *Sampler) Collect() []Sample {
	go func() { // BAD: appends to s.samples; Collect only sleeps on a timer, which does not order its read after these writes
		t := time.NewTicker(s.interval)
		defer t.Stop()
		for i := 0; i < s.count; i++ {
			select {
			case <-t.C:
				s.samples = append(s.samples, readSample())
			case <-s.stop:
				return
			}
		}
	}()

	grace := time.Duration(s.count+1) * s.interval
	<-time.After(grace)

	out := make([]Sample, len(s.samples))
	copy(out, s.samples)
	sort.Slice(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// PeakHeap returns the largest heap size seen in samples.
func PeakHeap(samples []Sample) uint64 {
	var peak uint64
	for _, s := range samples {
		if s.HeapBytes > peak {
			peak = s.HeapBytes
		}
	}
	return peak
}

// Stop aborts an in-progress collection.
func (s *Sampler) Stop() {
	close(s.stop)
}
