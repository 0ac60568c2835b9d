package routes

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Table is an immutable routing snapshot once stored.
type Table struct {
	Version  int
	Routes   map[string]string
	Fallback string
	Loaded   time.Time
}

// Router serves lookups from the current snapshot while a reloader replaces
// it in the background.
type Router struct {
	cur atomic.Pointer[Table]
	mu  sync.Mutex // serializes updates
}

// NewRouter starts with an empty table.
func NewRouter(fallback string) *Router {
	r := &Router{}
	r.cur.Store(&Table{Routes: map[string]string{}, Fallback: fallback, Loaded: time.Now()})
	return r
}

// Lookup returns the backend for a request path.
func (r *Router) Lookup(path string) string {
	t := r.cur.Load()
	for prefix, backend := range t.Routes {
		if strings.HasPrefix(path, prefix) {
			return backend
		}
	}
	return t.Fallback
}

// Apply builds a new snapshot from the current one plus changes and
// publishes it.
func (r *Router) Apply(set map[string]string, del []string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.cur.Load()
	next := &Table{
		Routes:   maps.Clone(old.Routes),
		Fallback: old.Fallback,
	}
	for k, v := range set {
		next.Routes[k] = v
	}
	for _, k := range del {
		delete(next.Routes, k)
	}
	next.Version = old.Version + 1
	next.Loaded = time.Now()
	r.cur.Store(next)
	return next.Version
}

// Watch applies updates from ch until it is closed.
func (r *Router) Watch(ch <-chan map[string]string, done chan<- struct{}) {
	go func() {
		defer close(done)
		for upd := range ch {
			r.Apply(upd, nil)
		}
	}()
}
