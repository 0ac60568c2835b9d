package collector

import (
	"context"
	"sync"
	"time"
)

// Sample is one reading taken from a sensor.
type Sample struct {
	Sensor string
	Value  float64
	At     time.Time
}

// Reader polls a single sensor.
type Reader interface {
	Name() string
	Read(ctx context.Context) (float64, error)
}

// Collector fans the samples of several readers into one stream.
type Collector struct {
	out    chan Sample
	cancel context.CancelFunc
	wg     sync.WaitGroup
	every  time.Duration
	once   sync.Once
}

// NewCollector starts one poller per reader.
func NewCollector(readers []Reader, every time.Duration) *Collector {
	ctx, cancel := context.WithCancel(context.Background())
	c := &Collector{
		out:    make(chan Sample, len(readers)),
		cancel: cancel,
		every:  every,
	}
	for _, r := range readers {
		c.wg.Add(1)
		go c.poll(ctx, r)
	}
	return c
}

// Samples returns the merged stream. It is closed by Stop.
func (c *Collector) Samples() <-chan Sample { return c.out }

func (c *Collector) poll(ctx context.Context, r Reader) {
	defer c.wg.Done()
	t := time.NewTicker(c.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		v, err := r.Read(ctx)
		if err != nil {
			continue
		}
		s := Sample{Sensor: r.Name(), Value: v, At: time.Now()}
		select {
		case c.out <- s:
		case <-ctx.Done():
			return
		}
	}
}

// Stop cancels the pollers, waits for them to return and closes the stream.
func (c *Collector) Stop() {
	c.once.Do(func() {
		c.cancel()
		c.wg.Wait()
		close(c.out)
	})
}
