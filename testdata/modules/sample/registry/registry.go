// Package registry keeps named services behind a read-write mutex.
package registry

import (
	"errors"
	"fmt"
	"sync"
)

// ErrDuplicate is returned when a name is registered twice.
var ErrDuplicate = errors.New("registry: duplicate name")

// Registry maps service names to addresses.
type Registry struct {
	mu       sync.RWMutex
	services map[string]string
	hits     int
	changed  chan string
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{services: make(map[string]string), changed: make(chan string)}
}

// Register adds name at addr.
func (r *Registry) Register(name, addr string) error {
	r.mu.Lock()
	if _, ok := r.services[name]; ok {
		return ErrDuplicate // finding: lockleak
	}
	r.services[name] = addr
	r.mu.Unlock()
	return nil
}

// Lookup returns the address of name.
func (r *Registry) Lookup(name string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	addr, ok := r.services[name]
	return addr, ok
}

// Resolve is Lookup for names known to exist.
func (r *Registry) Resolve(name string) string {
	r.hits++ // finding: unlockedwrite
	addr, _ := r.Lookup(name)
	return addr
}

// Hits returns how many lookups were made.
func (r *Registry) Hits() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.hits
}

// Reset clears the hit counter.
func (r *Registry) Reset() {
	r.mu.Lock()
	r.hits = 0
	r.mu.Unlock()
}

// Len returns the number of services.
func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.services)
}

// String describes the registry.
func (r *Registry) String() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return fmt.Sprintf("%d services, %d hits", r.Len(), r.hits) // finding: doublelock
}

// Rename moves a service to a new name and tells the watcher.
func (r *Registry) Rename(from, to string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.services[to] = r.services[from]
	delete(r.services, from)
	r.changed <- to // finding: lockedblock
}

// Watch reports renamed services to f, one at a time.
func (r *Registry) Watch(f func(addr string)) {
	for {
		r.mu.Lock()
		name := <-r.changed // finding: lockedblock
		addr := r.services[name]
		r.mu.Unlock()
		f(addr)
	}
}
