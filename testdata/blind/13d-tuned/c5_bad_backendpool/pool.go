package backend

import (
	"net"
	"sync"
	"time"
)

// Pool keeps track of which upstream addresses currently answer.
type Pool struct {
	addrs []string

	mu      sync.RWMutex
	healthy map[string]bool
}

func NewPool(addrs []string, every time.Duration) *Pool {
	p := &Pool{addrs: addrs, healthy: make(map[string]bool)}
	go p.probeLoop(every)
	return p
}

func (p *Pool) probeLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			for _, a := range p.addrs {
				c, err := net.DialTimeout("tcp", a, time.Second)
				up := err == nil
				if up {
					c.Close()
				}
				p.mu.Lock()
				p.healthy[a] = up
				p.mu.Unlock()
			}
		}
	}
}

func (p *Pool) Pick() (string, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, a := range p.addrs {
		if p.healthy[a] {
			return a, true
		}
	}
	return "", false
}
