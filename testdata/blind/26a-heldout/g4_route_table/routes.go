// Correct: every return path of Add, Remove and Match releases rt.mu, either via defer or an explicit unlock just before returning.
package g4_route_table

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Handler func(path string) string

type route struct {
	prefix  string
	handler Handler
	hits    int
}

// Table routes request paths by longest prefix.
type Table struct {
	mu     sync.RWMutex
	routes map[string]*route
	sealed bool
}

func NewTable() *Table { return &Table{routes: map[string]*route{}} }

func (rt *Table) Add(prefix string, h Handler) error {
	if !strings.HasPrefix(prefix, "/") {
		return fmt.Errorf("route %q must start with /", prefix)
	}
	rt.mu.Lock()
	if rt.sealed {
		rt.mu.Unlock()
		return errors.New("routes: table sealed")
	}
	if _, dup := rt.routes[prefix]; dup {
		rt.mu.Unlock()
		return fmt.Errorf("routes: duplicate prefix %q", prefix)
	}
	rt.routes[prefix] = &route{prefix: prefix, handler: h}
	rt.mu.Unlock()
	return nil
}

func (rt *Table) Remove(prefix string) (bool, error) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.sealed {
		return false, errors.New("routes: table sealed")
	}
	if _, ok := rt.routes[prefix]; !ok {
		return false, nil
	}
	delete(rt.routes, prefix)
	return true, nil
}

// Match finds the longest matching prefix and returns its handler.
func (rt *Table) Match(path string) (Handler, string) {
	rt.mu.RLock()
	if r, ok := rt.routes[path]; ok {
		h := r.handler
		rt.mu.RUnlock()
		return h, r.prefix
	}
	var best *route
	for p, r := range rt.routes {
		if strings.HasPrefix(path, p) && (best == nil || len(p) > len(best.prefix)) {
			best = r
		}
	}
	if best == nil {
		rt.mu.RUnlock()
		return nil, ""
	}
	h, p := best.handler, best.prefix
	rt.mu.RUnlock()
	return h, p
}

// Seal forbids further changes.
func (rt *Table) Seal() {
	rt.mu.Lock()
	rt.sealed = true
	rt.mu.Unlock()
}
