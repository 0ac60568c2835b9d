// BAD: the reload loop runs in its own goroutine and calls Clear on the live registry
// while resolver goroutines call Resolve under RLock; Clear swaps r.endpoints without
// taking r.mu, so the write races with the readers.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var ErrNoEndpoint = errors.New("no endpoint")

type Registry struct {
	mu        sync.RWMutex
	endpoints map[string][]string
	rr        map[string]int
}

func NewRegistry() *Registry {
	return &Registry{endpoints: map[string][]string{}, rr: map[string]int{}}
}

func (r *Registry) Register(service, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.endpoints[service] = append(r.endpoints[service], addr)
}

func (r *Registry) Resolve(service string) (string, error) {
	r.mu.RLock()
	addrs := r.endpoints[service]
	r.mu.RUnlock()
	if len(addrs) == 0 {
		return "", fmt.Errorf("%s: %w", service, ErrNoEndpoint)
	}
	r.mu.Lock()
	i := r.rr[service] % len(addrs)
	r.rr[service]++
	r.mu.Unlock()
	return addrs[i], nil
}

func (r *Registry) Services() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.endpoints)
}

// Clear drops every endpoint; callers re-register from the fresh config.
func (r *Registry) Clear() {
	r.endpoints = make(map[string][]string) // want "without holding"
}

type configSource func() map[string][]string

func reloadLoop(r *Registry, src configSource, trigger <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	for range trigger {
		cfg := src()
		r.Clear()
		for svc, addrs := range cfg {
			for _, a := range addrs {
				r.Register(svc, a)
			}
		}
	}
}

func main() {
	r := NewRegistry()
	r.Register("billing", "10.0.0.1:8080")

	trigger := make(chan struct{})
	reloaded := make(chan struct{})
	go reloadLoop(r, func() map[string][]string {
		return map[string][]string{"billing": {"10.0.0.2:8080", "10.0.0.3:8080"}}
	}, trigger, reloaded)

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if _, err := r.Resolve("billing"); err != nil {
					fmt.Println("resolve:", err)
				}
				time.Sleep(50 * time.Microsecond)
			}
		}()
	}
	trigger <- struct{}{}
	close(trigger)
	wg.Wait()
	<-reloaded
	fmt.Println("services:", r.Services())
}
