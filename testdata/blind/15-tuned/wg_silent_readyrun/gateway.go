// SILENT: Run adds every worker to g.wg before it closes ready, and the test receives from ready before it cancels and calls g.wg.Wait(), so all Adds happen before the Wait even though Run itself is started with `go`.
package wg_silent_readyrun

import (
	"context"
	"sync"
	"sync/atomic"
)

type Gateway struct {
	Workers int
	In      chan []byte
	handled atomic.Int64
	wg      sync.WaitGroup
}

func (g *Gateway) Run(ctx context.Context, ready chan<- struct{}) {
	for i := 0; i < g.Workers; i++ {
		g.wg.Add(1)
		go g.work(ctx)
	}
	close(ready)
	<-ctx.Done()
}

func (g *Gateway) work(ctx context.Context) {
	defer g.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-g.In:
			if len(msg) > 0 {
				g.handled.Add(1)
			}
		}
	}
}
