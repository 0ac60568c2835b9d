// Correct: the timer drain after Stop is a non-blocking select with a default, so it cannot hang even when the flush-interval case already received the value.
package g2_metrics_batcher

import (
	"sync"
	"time"
)

// Point is a single metric sample.
type Point struct {
	Name  string
	Value float64
	At    time.Time
}

// Batcher accumulates points and hands them to flushFn either when max
// points are buffered or when interval has elapsed since the last flush.
type Batcher struct {
	points   chan Point
	flushFn  func([]Point)
	max      int
	interval time.Duration

	pending []Point

	quit     chan struct{}
	quitOnce sync.Once
	wg       sync.WaitGroup
}

// NewBatcher starts the batching goroutine.
func NewBatcher(max int, interval time.Duration, flushFn func([]Point)) *Batcher {
	b := &Batcher{
		points:   make(chan Point, 4*max),
		flushFn:  flushFn,
		max:      max,
		interval: interval,
		quit:     make(chan struct{}),
	}
	b.wg.Add(1)
	go b.run()
	return b
}

// Add records a sample.
func (b *Batcher) Add(name string, v float64) {
	b.points <- Point{Name: name, Value: v, At: time.Now()}
}

// Stop flushes everything buffered and stops the goroutine.
func (b *Batcher) Stop() {
	b.quitOnce.Do(func() { close(b.quit) })
	b.wg.Wait()
}

func (b *Batcher) flush() {
	if len(b.pending) == 0 {
		return
	}
	out := make([]Point, len(b.pending))
	copy(out, b.pending)
	b.pending = b.pending[:0]
	b.flushFn(out)
}

func (b *Batcher) drainQueued() {
	for {
		select {
		case p := <-b.points:
			b.pending = append(b.pending, p)
		default:
			return
		}
	}
}

func (b *Batcher) run() {
	defer b.wg.Done()
	t := time.NewTimer(b.interval)
	defer t.Stop()
	for {
		select {
		case p := <-b.points:
			b.pending = append(b.pending, p)
			if len(b.pending) < b.max {
				continue
			}
		case <-t.C:
		case <-b.quit:
			b.drainQueued()
			b.flush()
			return
		}
		b.flush()
		if !t.Stop() {
			select {
			case <-t.C:
			default:
			}
		}
		t.Reset(b.interval)
	}
}
