// GOOD: flushAll calls encodeBatch with validate=false, and encodeBatch only returns an error inside `if validate`, so the `continue` that skips cancel is dead; every live path calls cancel.
package g4_batch_flush

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

type Point struct {
	Metric string            `json:"m"`
	Value  float64           `json:"v"`
	Tags   map[string]string `json:"t,omitempty"`
	At     int64             `json:"ts"`
}

type Sink interface {
	Write(ctx context.Context, payload []byte) error
}

type Flusher struct {
	sink    Sink
	timeout time.Duration

	mu      sync.Mutex
	pending [][]Point
	dropped int
}

func NewFlusher(s Sink) *Flusher {
	return &Flusher{sink: s, timeout: 5 * time.Second}
}

// Add queues a batch; it is validated once here, at the edge.
func (f *Flusher) Add(batch []Point) error {
	if _, err := encodeBatch(batch, true); err != nil {
		return err
	}
	f.mu.Lock()
	f.pending = append(f.pending, batch)
	f.mu.Unlock()
	return nil
}

func encodeBatch(batch []Point, validate bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, p := range batch {
		if validate {
			if p.Metric == "" {
				return nil, fmt.Errorf("point %d: empty metric name", i)
			}
			if p.At <= 0 {
				return nil, fmt.Errorf("point %d: missing timestamp", i)
			}
		}
		_ = enc.Encode(p) // Point always marshals
	}
	return buf.Bytes(), nil
}

// flushAll sends pending batches until one fails; the rest stay queued.
func (f *Flusher) flushAll(ctx context.Context) error {
	f.mu.Lock()
	batches := f.pending
	f.pending = nil
	f.mu.Unlock()

	for i, b := range batches {
		bctx, cancel := context.WithTimeout(ctx, f.timeout)
		payload, err := encodeBatch(b, false)
		if err != nil {
			f.dropped++
			continue
		}
		err = f.sink.Write(bctx, payload)
		cancel()
		if err != nil {
			f.mu.Lock()
			f.pending = append(batches[i:], f.pending...)
			f.mu.Unlock()
			return fmt.Errorf("flush: %w", err)
		}
	}
	return nil
}
