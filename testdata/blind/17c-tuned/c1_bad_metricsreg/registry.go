package discovery

import (
	"errors"
	"sync"
	"time"
)

type Observer interface {
	ServiceAdded(name string, addr string)
	ServiceRemoved(name string)
}

type Registry struct {
	mu       sync.Mutex
	services map[string]string
	obs      Observer
}

func NewRegistry(obs Observer) *Registry {
	return &Registry{services: make(map[string]string), obs: obs}
}

func (r *Registry) Register(name, addr string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.services[name]; dup {
		return errors.New("discovery: duplicate service " + name)
	}
	r.services[name] = addr
	r.obs.ServiceAdded(name, addr)
	return nil
}

func (r *Registry) Deregister(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.services[name]; !ok {
		return
	}
	delete(r.services, name)
	r.obs.ServiceRemoved(name)
}

func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.services)
}

func Run(stop <-chan struct{}) *Registry {
	g := newGauges()
	r := NewRegistry(g)
	g.source = r
	go func() {
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				g.publish()
			}
		}
	}()
	return r
}
