package a

import "sync"

// A registry whose Drain takes the whole map under the lock and leaves
// nil: the taken map is the drainer's own.
type registry struct {
	mu      sync.Mutex
	entries map[string]chan struct{}
}

func (r *registry) Add(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.entries == nil {
		return
	}
	r.entries[name] = make(chan struct{})
}

func (r *registry) Names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for n := range r.entries {
		out = append(out, n)
	}
	return out
}

func (r *registry) Drain(extra []string) map[string]chan struct{} {
	r.mu.Lock()
	taken := r.entries
	r.entries = nil
	r.mu.Unlock()
	for _, n := range extra {
		taken[n] = make(chan struct{})
	}
	return taken
}

// Peek reads the map under the lock and writes it after: the map is
// still the registry's.
func (r *registry) Peek(name string) {
	r.mu.Lock()
	cur := r.entries
	r.mu.Unlock()
	cur[name] = nil // want `write to r.entries without holding r.mu, which guards it in 3 of 4 functions`
}
