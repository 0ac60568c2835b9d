package svcreg

import (
	"sync"
	"time"
)

type Endpoint struct {
	Service string
	Addr    string
	Weight  int
}

type Registry struct {
	rw        sync.RWMutex
	endpoints map[string][]Endpoint
	load      func() map[string][]Endpoint
}

func NewRegistry(load func() map[string][]Endpoint) *Registry {
	r := &Registry{endpoints: load(), load: load}
	go r.syncLoop(30 * time.Second)
	return r
}

func (r *Registry) syncLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		fresh := r.load()
		r.rw.Lock()
		r.endpoints = fresh
		r.rw.Unlock()
	}
}

func (r *Registry) lookup(service string) []Endpoint {
	r.rw.RLock()
	defer r.rw.RUnlock()
	return append([]Endpoint(nil), r.endpoints[service]...)
}
