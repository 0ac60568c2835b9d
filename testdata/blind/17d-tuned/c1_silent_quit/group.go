package crawler

import "sync"

type group struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	names map[string]int
	done  chan struct{}
}

func newGroup() *group {
	return &group{names: make(map[string]int), done: make(chan struct{})}
}

func (g *group) launch(name string, f func()) {
	g.mu.Lock()
	g.names[name]++
	g.mu.Unlock()
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

func (g *group) shutdown() {
	close(g.done)
	g.wg.Wait()
}
