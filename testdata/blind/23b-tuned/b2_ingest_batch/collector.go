package b2_ingest_batch

import (
	"context"
	"time"
)

// Record is one message read from the upstream log.
type Record struct {
	Key    string
	Value  []byte
	Offset int64
}

// Source yields records one at a time; ok is false once it is exhausted.
type Source interface {
	Next() (rec Record, ok bool)
}

type sliceSource struct {
	recs []Record
	pos  int
}

// FromSlice returns a Source over a fixed set of records.
func FromSlice(recs []Record) Source { return &sliceSource{recs: recs} }

func (s *sliceSource) Next() (Record, bool) {
	if s.pos >= len(s.recs) {
		return Record{}, false
	}
	r := s.recs[s.pos]
	s.pos++
	return r, true
}

// Collector groups records into batches for a downstream sink.
type Collector struct {
	src      Source
	maxBatch int
	linger   time.Duration
}

// NewCollector returns a collector that emits at most maxBatch records,
// waiting no longer than linger for a batch to fill.
func NewCollector(src Source, maxBatch int, linger time.Duration) *Collector {
	if maxBatch <= 0 {
		maxBatch = 100
	}
	return &Collector{src: src, maxBatch: maxBatch, linger: linger}
}

func (c *Collector) pump(out chan<- Record) {
	for {
		r, ok := c.src.Next()
		if !ok {
			close(out)
			return
		}
		out <- r // BAD: NextBatch returns on linger timeout, ctx.Done or a full batch without draining; pump blocks here forever
	}
}

// NextBatch collects one batch. It returns early when the batch is full,
// the linger timer fires, or ctx is cancelled.
func (c *Collector) NextBatch(ctx context.Context) ([]Record, error) {
	out := make(chan Record, 1)
	go c.pump(out)

	timer := time.NewTimer(c.linger)
	defer timer.Stop()

	batch := make([]Record, 0, c.maxBatch)
	for {
		select {
		case r, ok := <-out:
			if !ok {
				return batch, nil
			}
			batch = append(batch, r)
			if len(batch) == c.maxBatch {
				return batch, nil
			}
		case <-timer.C:
			return batch, nil
		case <-ctx.Done():
			return batch, ctx.Err()
		}
	}
}
