// GOOD: Reload walks the backends under Pool.mu and updates each weight through
// b.setWeight, which takes b.mu around the write, so it is serialized with the
// request path that reads and adjusts weight under b.mu.
package main

import (
	"fmt"
	"sync"
	"time"
)

// backend is one upstream with a load-balancing weight.
type backend struct {
	addr string

	mu       sync.Mutex
	weight   int
	inflight int
}

func (b *backend) setWeight(w int) {
	b.mu.Lock()
	b.weight = w
	b.mu.Unlock()
}

func (b *backend) begin() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inflight++
	return b.weight
}

func (b *backend) end() {
	b.mu.Lock()
	b.inflight--
	b.mu.Unlock()
}

// Pool holds the configured upstreams.
type Pool struct {
	mu       sync.RWMutex
	backends map[string]*backend
}

func NewPool(addrs []string) *Pool {
	p := &Pool{backends: make(map[string]*backend)}
	for _, a := range addrs {
		p.backends[a] = &backend{addr: a, weight: 1}
	}
	return p
}

func (p *Pool) lookup(addr string) *backend {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.backends[addr]
}

// Reload applies new weights from configuration.
func (p *Pool) Reload(weights map[string]int) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for addr, b := range p.backends {
		if w, ok := weights[addr]; ok {
			b.setWeight(w)
		}
	}
}

func (p *Pool) Proxy(addr string) int {
	b := p.lookup(addr)
	if b == nil {
		return 0
	}
	w := b.begin()
	defer b.end()
	time.Sleep(50 * time.Microsecond)
	return w
}

func main() {
	addrs := []string{"a:80", "b:80", "c:80"}
	p := NewPool(addrs)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 40; j++ {
				w := p.Proxy(addrs[(i+j)%len(addrs)])
				mu.Lock()
				total += w
				mu.Unlock()
			}
		}(i)
	}
	for k := 2; k <= 4; k++ {
		p.Reload(map[string]int{"a:80": k, "b:80": k * 2})
	}
	wg.Wait()
	fmt.Println("total weight served:", total)
}
