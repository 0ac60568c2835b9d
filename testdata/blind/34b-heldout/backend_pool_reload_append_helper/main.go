// BAD: Reload holds only Pool.mu (read-locked) and calls recordEvent, which appends
// to b.events without b.mu; request handlers append to the same slice under b.mu
// after releasing Pool.mu, so the appends race.
package main

import (
	"fmt"
	"sync"
	"time"
)

// backend is one upstream server with a small event log.
type backend struct {
	addr string // set once at construction

	mu     sync.Mutex
	events []string
}

func (b *backend) logEvent(ev string) {
	b.mu.Lock()
	b.events = append(b.events, ev)
	b.mu.Unlock()
}

func (b *backend) snapshot() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]string, len(b.events))
	copy(out, b.events)
	return out
}

// Pool is the set of upstream backends behind a proxy.
type Pool struct {
	mu       sync.RWMutex
	backends []*backend
}

func NewPool(addrs ...string) *Pool {
	p := &Pool{}
	for _, a := range addrs {
		p.backends = append(p.backends, &backend{addr: a})
	}
	return p
}

func (p *Pool) pick(n int) *backend {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.backends[n%len(p.backends)]
}

// Serve handles request n on some backend.
func (p *Pool) Serve(n int) {
	b := p.pick(n)
	b.logEvent(fmt.Sprintf("req %d", n))
}

func recordEvent(b *backend, ev string) {
	b.events = append(b.events, ev) // want "without holding"
}

// Reload notes a configuration reload on every backend.
func (p *Pool) Reload(cfg string) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, b := range p.backends {
		recordEvent(b, "reload "+cfg)
	}
}

func main() {
	p := NewPool("10.0.0.1:80", "10.0.0.2:80", "10.0.0.3:80")

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(base int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				p.Serve(base*100 + j)
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := 1; v <= 5; v++ {
			p.Reload(fmt.Sprintf("v%d", v))
			time.Sleep(time.Millisecond)
		}
	}()
	wg.Wait()

	for i := 0; i < 3; i++ {
		b := p.pick(i)
		fmt.Printf("%s: %d events\n", b.addr, len(b.snapshot()))
	}
}
