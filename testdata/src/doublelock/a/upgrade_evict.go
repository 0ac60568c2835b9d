package a

func (g *Gauges) evict() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for k := range g.vals {
		delete(g.vals, k)
		break
	}
}
