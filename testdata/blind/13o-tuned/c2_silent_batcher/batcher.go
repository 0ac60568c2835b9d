// Package metricsbatch scrapes gauges periodically and ships them in batches.
package metricsbatch

import (
	"sync"
	"time"
)

// Sample is one gauge reading.
type Sample struct {
	Name  string
	Value float64
	At    time.Time
}

// batcher groups samples and hands full batches to flush.
type batcher struct {
	in    chan Sample
	size  int
	flush func([]Sample)
	done  chan struct{}
}

func newBatcher(size int, flush func([]Sample)) *batcher {
	return &batcher{in: make(chan Sample, size), size: size, flush: flush, done: make(chan struct{})}
}

func (b *batcher) Start() {
	go func() {
		defer close(b.done)
		batch := make([]Sample, 0, b.size)
		for s := range b.in {
			batch = append(batch, s)
			if len(batch) == b.size {
				b.flush(batch)
				batch = make([]Sample, 0, b.size)
			}
		}
		if len(batch) > 0 {
			b.flush(batch)
		}
	}()
}

// Add queues one sample.
func (b *batcher) Add(s Sample) {
	b.in <- s
}

// Stop flushes the remaining samples and waits for the flusher to exit.
func (b *batcher) Stop() {
	close(b.in)
	<-b.done
}

// Exporter runs one scrape loop per gauge and batches the results.
type Exporter struct {
	b    *batcher
	quit chan struct{}
	wg   sync.WaitGroup
}

// NewExporter starts scraping gauges every interval.
func NewExporter(gauges map[string]func() float64, interval time.Duration, batchSize int, ship func([]Sample)) *Exporter {
	e := &Exporter{b: newBatcher(batchSize, ship), quit: make(chan struct{})}
	e.b.Start()
	for name, read := range gauges {
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			e.scrape(name, read, interval)
		}()
	}
	return e
}

func (e *Exporter) scrape(name string, read func() float64, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-e.quit:
			return
		case now := <-t.C:
			e.b.Add(Sample{Name: name, Value: read(), At: now})
		}
	}
}

// Close stops scraping and ships what has been collected.
func (e *Exporter) Close() {
	close(e.quit)
	e.wg.Wait()
	e.b.Stop()
}
