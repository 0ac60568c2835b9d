package ingest

import (
	"sync"
	"time"
)

type taskGroup struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	started map[string]time.Time
}

func (g *taskGroup) launch(name string, f func()) {
	g.mu.Lock()
	if g.started == nil {
		g.started = make(map[string]time.Time)
	}
	g.started[name] = time.Now()
	g.mu.Unlock()

	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer func() {
			g.mu.Lock()
			delete(g.started, name)
			g.mu.Unlock()
		}()
		f()
	}()
}

func (g *taskGroup) join() { g.wg.Wait() }
