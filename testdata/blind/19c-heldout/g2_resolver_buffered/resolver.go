// Correct: the lookup result channel has capacity 1, so the goroutine's single send never blocks even when the test times out.
package g2_resolver_buffered

import (
	"errors"
	"sync"
	"time"
)

var ErrNoRecord = errors.New("resolver: no such host")

// Resolver is a fake DNS resolver with a per-lookup delay.
type Resolver struct {
	mu    sync.RWMutex
	hosts map[string][]string
	Delay time.Duration
}

func NewResolver() *Resolver {
	return &Resolver{hosts: make(map[string][]string)}
}

func (r *Resolver) Add(host string, addrs ...string) {
	r.mu.Lock()
	r.hosts[host] = append(r.hosts[host], addrs...)
	r.mu.Unlock()
}

func (r *Resolver) Lookup(host string) ([]string, error) {
	time.Sleep(r.Delay)
	r.mu.RLock()
	defer r.mu.RUnlock()
	a, ok := r.hosts[host]
	if !ok {
		return nil, ErrNoRecord
	}
	return append([]string(nil), a...), nil
}
