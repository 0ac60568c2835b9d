package metrics

import (
	"sync"
)

// Point is one sample to be flushed to the time-series store.
type Point struct {
	Series string
	Value  float64
	tries  int
}

// Flusher groups points into batches and writes them with a worker.
// Points of a failed batch are handed back for another write.
type Flusher struct {
	in       chan []*Point
	progress chan int
	wg       sync.WaitGroup
	write    func([]*Point) error
}

func NewFlusher(write func([]*Point) error) *Flusher {
	f := &Flusher{
		in:       make(chan []*Point, 8),
		progress: make(chan int),
		write:    write,
	}
	go f.worker()
	return f
}

// Progress reports the size of every batch that was flushed.
func (f *Flusher) Progress() <-chan int { return f.progress }

// Submit queues a batch; each point stays in flight until flushed or dropped.
func (f *Flusher) Submit(batch []*Point) {
	f.wg.Add(len(batch))
	f.in <- batch
}

func (f *Flusher) worker() {
	for batch := range f.in {
		if err := f.write(batch); err != nil {
			var again []*Point
			for _, p := range batch {
				p.tries++
				if p.tries < 3 {
					again = append(again, p)
				} else {
					f.wg.Done()
				}
			}
			if len(again) > 0 {
				go func() { f.in <- again }()
			}
			continue
		}
		for range batch {
			f.wg.Done()
		}
		f.progress <- len(batch)
	}
}

// Close waits until every submitted point has been handled.
func (f *Flusher) Close() {
	f.wg.Wait()
	close(f.in)
	close(f.progress)
}
