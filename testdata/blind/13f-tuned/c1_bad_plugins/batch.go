package plugins

import (
	"context"
	"sync"
)

// RunBatch executes every request concurrently and waits for all of them.
func (d *Dispatcher) RunBatch(ctx context.Context, reqs []Request) {
	var wg sync.WaitGroup
	for _, req := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.execute(ctx, req)
		}()
	}
	wg.Wait()
}

func (d *Dispatcher) execute(ctx context.Context, req Request) {
	run := d.lookup(req.Plugin)
	if run == nil {
		panic("plugins: no runner registered for " + req.Plugin)
	}
	out, err := run(ctx, req.Args)
	select {
	case d.results <- Result{ID: req.ID, Output: out, Err: err}:
	case <-ctx.Done():
	}
}
