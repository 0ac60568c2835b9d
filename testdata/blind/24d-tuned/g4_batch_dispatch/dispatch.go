// GOOD: each call gets its own reply channel made in the loop and closed once after its response; Warmup's two closes are on paths that each return immediately.
package g4_batch_dispatch

import (
	"context"
	"sync"
	"time"
)

// Backend is the store the dispatcher reads from.
type Backend interface {
	Get(ctx context.Context, key string) (string, error)
	Ping(ctx context.Context) error
}

// Response is the result for one key.
type Response struct {
	Key   string
	Value string
	Err   error
}

// Dispatcher fans batched lookups out to a fixed number of workers.
type Dispatcher struct {
	backend Backend
	workers int
	retries int
}

// New returns a dispatcher using n workers per batch.
func New(b Backend, n, retries int) *Dispatcher {
	return &Dispatcher{backend: b, workers: n, retries: retries}
}

// GetMany looks up all keys concurrently and returns results in key order.
func (d *Dispatcher) GetMany(ctx context.Context, keys []string) []Response {
	type call struct {
		key   string
		reply chan Response
	}
	calls := make([]call, 0, len(keys))
	for _, k := range keys {
		calls = append(calls, call{key: k, reply: make(chan Response, 1)})
	}
	work := make(chan call)
	var wg sync.WaitGroup
	for i := 0; i < d.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				v, err := d.backend.Get(ctx, c.key)
				c.reply <- Response{Key: c.key, Value: v, Err: err}
				close(c.reply)
			}
		}()
	}
	for _, c := range calls {
		work <- c
	}
	close(work)
	wg.Wait()
	out := make([]Response, len(calls))
	for i, c := range calls {
		out[i] = <-c.reply
	}
	return out
}

// Warmup pings the backend until it answers or retries are exhausted. The
// returned channel yields the final result and is then closed.
func (d *Dispatcher) Warmup(ctx context.Context) <-chan error {
	done := make(chan error, 1)
	go func() {
		for attempt := 1; ; attempt++ {
			err := d.backend.Ping(ctx)
			if err == nil || attempt >= d.retries {
				done <- err
				close(done)
				return
			}
			select {
			case <-time.After(time.Duration(attempt) * 50 * time.Millisecond):
			case <-ctx.Done():
				done <- ctx.Err()
				close(done)
				return
			}
		}
	}()
	return done
}
