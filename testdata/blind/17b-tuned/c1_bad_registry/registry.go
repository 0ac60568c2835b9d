package registry

import (
	"sync"
	"time"
)

type Registry struct {
	mu       sync.Mutex
	services map[string]*Service
	lastSeen map[string]time.Time
}

func NewRegistry() *Registry {
	return &Registry{
		services: make(map[string]*Service),
		lastSeen: make(map[string]time.Time),
	}
}

func (r *Registry) Register(name string, probe func() bool) *Service {
	s := &Service{name: name, reg: r, probe: probe, healthy: true}
	r.mu.Lock()
	r.services[name] = s
	r.mu.Unlock()
	go s.healthLoop(50 * time.Millisecond)
	return s
}

func (r *Registry) Deregister(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.services[name]
	if !ok {
		return
	}
	s.markStopped()
	delete(r.services, name)
	delete(r.lastSeen, name)
}

func (r *Registry) touch(name string, at time.Time) {
	r.mu.Lock()
	r.lastSeen[name] = at
	r.mu.Unlock()
}
