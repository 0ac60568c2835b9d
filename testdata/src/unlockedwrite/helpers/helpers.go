package helpers

func (c *HostCache) refresh() {
	c.install([]string{"10.0.0.1"})
}

func (c *HostCache) install(addrs []string) {
	c.addrs = addrs // want `write to c.addrs without holding c.mu, which guards it in 2 of 3 functions`
}

func (s *Sessions) sweep() {
	for id := range s.byID {
		delete(s.byID, id)
	}
	s.last = s.last.Add(1)
}

func (p *Pool) applyDefaults(n int) {
	p.size = n
	p.pending = nil
}

func (c *Counter) reset() {
	c.counts = map[string]int{} // want `write to c.counts without holding c.mu, which guards it in 2 of 3 functions`
}
