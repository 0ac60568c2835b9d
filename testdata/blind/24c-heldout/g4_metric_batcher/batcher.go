// Correct: Flush holds b.mu during Wait, but each sender's deferred wg.Done is registered last and runs before the deferred function that locks b.mu.
package g4_metric_batcher

import (
	"sync"
	"time"
)

// Point is one metric sample.
type Point struct {
	Name  string
	Value float64
	At    time.Time
}

// Sink receives batches of points.
type Sink interface {
	Write(batch []Point) error
}

// Batcher accumulates points and writes them in shards on Flush.
type Batcher struct {
	sink      Sink
	shardSize int
	wg        sync.WaitGroup

	mu      sync.Mutex
	buf     []Point
	written int
	dropped int
}

// NewBatcher returns a batcher writing shards of at most shardSize points.
func NewBatcher(sink Sink, shardSize int) *Batcher {
	if shardSize <= 0 {
		shardSize = 100
	}
	return &Batcher{sink: sink, shardSize: shardSize}
}

// Record buffers one point.
func (b *Batcher) Record(name string, v float64) {
	b.mu.Lock()
	b.buf = append(b.buf, Point{Name: name, Value: v, At: time.Now()})
	b.mu.Unlock()
}

func (b *Batcher) send(shard []Point) {
	var err error
	defer func() {
		b.mu.Lock()
		if err != nil {
			b.dropped += len(shard)
		} else {
			b.written += len(shard)
		}
		b.mu.Unlock()
	}()
	defer b.wg.Done()
	err = b.sink.Write(shard)
}

// Flush writes every buffered point, one goroutine per shard, and returns
// once all shards have been handed to the sink. Holding b.mu keeps Record
// from appending to the buffer while it is being drained.
func (b *Batcher) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.buf) > 0 {
		n := min(b.shardSize, len(b.buf))
		shard := make([]Point, n)
		copy(shard, b.buf[:n])
		b.buf = b.buf[n:]
		b.wg.Add(1)
		go b.send(shard)
	}
	b.wg.Wait()
}

// Counts returns how many points were written and dropped.
func (b *Batcher) Counts() (written, dropped int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.written, b.dropped
}
