package router

import (
	"net/netip"
	"sort"
	"sync"
)

type Route struct {
	Prefix  netip.Prefix
	NextHop netip.Addr
	Metric  int
}

type Table struct {
	mu       sync.RWMutex
	routes   []Route
	fallback *Route
}

func NewTable(routes []Route, def *Route) *Table {
	t := &Table{routes: append([]Route(nil), routes...), fallback: def}
	sort.Slice(t.routes, func(i, j int) bool {
		bi, bj := t.routes[i].Prefix.Bits(), t.routes[j].Prefix.Bits()
		if bi != bj {
			return bi > bj
		}
		return t.routes[i].Metric < t.routes[j].Metric
	})
	return t
}

func (t *Table) Lookup(dst netip.Addr) (Route, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	for _, r := range t.routes {
		if r.Prefix.Contains(dst) {
			return r, true
		}
	}
	return t.defaultRoute()
}

func (t *Table) defaultRoute() (Route, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.fallback == nil {
		return Route{}, false
	}
	return *t.fallback, true
}

func (t *Table) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.routes)
}
