// Class 8, BAD: Reset sets r.byName to nil, so the next Lookup takes the nil branch and calls r.mu.Lock while it still holds r.mu.RLock: the read lock can never be upgraded and Lookup deadlocks.
package c8_bad_indexupgrade

import "sync"

type Service struct {
	Name string
	Addr string
}

type Registry struct {
	mu       sync.RWMutex
	services []Service
	byName   map[string]*Service
}

func NewRegistry(svcs []Service) *Registry {
	r := &Registry{services: svcs}
	r.byName = r.index()
	return r
}

func (r *Registry) index() map[string]*Service {
	m := make(map[string]*Service, len(r.services))
	for i := range r.services {
		m[r.services[i].Name] = &r.services[i]
	}
	return m
}

func (r *Registry) Lookup(name string) (Service, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.byName == nil {
		// index dropped by Reset: rebuild it
		r.mu.Lock() // WANT doublelock
		r.byName = r.index()
		r.mu.Unlock()
	}
	s, ok := r.byName[name]
	if !ok {
		return Service{}, false
	}
	return *s, true
}

// Reset replaces the service list; the index is rebuilt lazily.
func (r *Registry) Reset(svcs []Service) {
	r.mu.Lock()
	r.services = svcs
	r.byName = nil
	r.mu.Unlock()
}
