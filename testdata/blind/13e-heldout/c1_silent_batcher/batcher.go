package batcher

import (
	"context"
	"sync"
)

type Point struct {
	Name  string
	Value float64
}

type sinkFunc func([]Point)

type aggregator struct {
	in    chan Point
	sink  sinkFunc
	batch []Point
	stop  *closer
}

func (a *aggregator) loop(ctx context.Context) {
	for {
		select {
		case p := <-a.in:
			a.batch = append(a.batch, p)
			if len(a.batch) >= 100 {
				a.emit()
			}
		case <-ctx.Done():
			close(a.in)
			for p := range a.in {
				a.batch = append(a.batch, p)
			}
			a.emit()
			return
		}
	}
}

func (a *aggregator) emit() {
	if len(a.batch) > 0 {
		a.sink(a.batch)
		a.batch = nil
	}
}

// Batcher groups metric points and ships them in batches.
type Batcher struct {
	mu   sync.Mutex
	sink sinkFunc
	agg  *aggregator
}

func New(sink func([]Point)) *Batcher {
	return &Batcher{sink: sink}
}

func (b *Batcher) Submit(p Point) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.agg == nil {
		b.agg = &aggregator{in: make(chan Point, 256), sink: b.sink, stop: newCloser()}
		b.agg.stop.Go(b.agg.loop)
	}
	b.agg.in <- p
}

func (b *Batcher) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.agg == nil {
		return
	}
	b.agg.stop.Signal()
	b.agg.stop.Wait()
	b.agg = nil
}
