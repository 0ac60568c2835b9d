// Class 5, BAD: Record tests stopped before it takes c.mu and Stop requests the close without c.mu, so Record can load false, Stop then cancel and let loop close samples, and Record send on the closed channel: panic.
package c5_bad_atomicflag

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

type Sample struct {
	Name  string
	Value float64
	At    time.Time
}

type Collector struct {
	mu      sync.Mutex
	stopped atomic.Bool
	samples chan Sample
	flush   func([]Sample)

	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewCollector(flush func([]Sample)) *Collector {
	ctx, cancel := context.WithCancel(context.Background())
	c := &Collector{samples: make(chan Sample, 128), flush: flush, cancel: cancel}
	c.wg.Add(1)
	go c.loop(ctx)
	return c
}

func (c *Collector) Record(name string, v float64) {
	if c.stopped.Load() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.samples <- Sample{Name: name, Value: v, At: time.Now()}
}

func (c *Collector) loop(ctx context.Context) {
	defer c.wg.Done()
	var batch []Sample
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case s := <-c.samples:
			batch = append(batch, s)
		case <-tick.C:
			c.flush(batch)
			batch = nil
		case <-ctx.Done():
			close(c.samples) // WANT closebyreceiver
			for s := range c.samples {
				batch = append(batch, s)
			}
			c.flush(batch)
			return
		}
	}
}

func (c *Collector) Stop() {
	c.stopped.Store(true)
	c.cancel()
	c.wg.Wait()
}
