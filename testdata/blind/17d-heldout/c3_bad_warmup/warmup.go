package gateway

import "sync"

func (g *Gateway) Warmup(paths []string) int {
	g.cfgMu.RLock()
	defer g.cfgMu.RUnlock()
	if len(g.routes) == 0 {
		return 0
	}

	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for _, p := range paths {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			b := g.backendFor(p)
			if b == "" || g.dial(b) != nil {
				return
			}
			mu.Lock()
			ok++
			g.conns[b]++
			mu.Unlock()
		}(p)
	}
	wg.Wait()
	return ok
}
