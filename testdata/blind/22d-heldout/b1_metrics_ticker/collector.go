package b1_metrics_ticker

import (
	"runtime"
	"sync"
	"time"
)

// Sample is a point-in-time snapshot of process metrics.
type Sample struct {
	At         time.Time
	Goroutines int
	HeapBytes  uint64
}

// Collector periodically samples runtime metrics and publishes them on Samples().
type Collector struct {
	interval  time.Duration
	samples   chan Sample
	quit      chan struct{}
	closeOnce sync.Once
}

// NewCollector starts a collector that samples every interval.
func NewCollector(interval time.Duration) *Collector {
	if interval <= 0 {
		interval = time.Second
	}
	c := &Collector{
		interval: interval,
		samples:  make(chan Sample, 16),
		quit:     make(chan struct{}),
	}
	go c.loop()
	return c
}

// Samples returns the channel on which samples are published.
func (c *Collector) Samples() <-chan Sample { return c.samples }

func (c *Collector) loop() {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-c.quit:
			return
		case now := <-t.C:
			s := take(now)
			select {
			case c.samples <- s:
			case <-c.quit:
				return
			}
		}
	}
}

func take(now time.Time) Sample {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return Sample{At: now, Goroutines: runtime.NumGoroutine(), HeapBytes: ms.HeapAlloc}
}

// Close stops sampling and closes the Samples channel. It is safe to call
// more than once.
func (c *Collector) Close() error {
	c.closeOnce.Do(func() {
		close(c.quit)
		close(c.samples) // BAD: loop may be mid-send on c.samples; close does not wait for it to exit
	})
	return nil
}
