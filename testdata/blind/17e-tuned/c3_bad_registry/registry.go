package registry

import "sync"

type Instance struct {
	Service string
	Addr    string
}

type change struct {
	added bool
	inst  Instance
}

type Registry struct {
	mu        sync.Mutex
	instances map[string][]Instance
	changes   chan change
	version   int
}

func NewRegistry() *Registry {
	r := &Registry{
		instances: make(map[string][]Instance),
		changes:   make(chan change),
	}
	go r.applyLoop()
	return r
}

func (r *Registry) Register(inst Instance) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.instances[inst.Service] = append(r.instances[inst.Service], inst)
	r.changes <- change{added: true, inst: inst}
}

func (r *Registry) Lookup(service string) []Instance {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Instance(nil), r.instances[service]...)
}
