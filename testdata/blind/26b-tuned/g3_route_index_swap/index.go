// Correct: restore/rebuild write without idx.mu only on a new(routeIndex) that is not yet stored in Router.current; readers only see it after the atomic Store.
package g3_route_index_swap

import (
	"sort"
	"strings"
	"sync"
)

type Route struct {
	Host    string
	Prefix  string
	Backend string
}

type routeIndex struct {
	mu         sync.Mutex
	byHost     map[string][]Route
	hits       map[string]uint64
	generation int64
}

// Match finds the longest-prefix route for host and path and counts the hit.
func (idx *routeIndex) Match(host, path string) (Route, bool) {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	for _, rt := range idx.byHost[host] {
		if strings.HasPrefix(path, rt.Prefix) {
			idx.hits[rt.Backend]++
			return rt, true
		}
	}
	return Route{}, false
}

func (idx *routeIndex) Hits(backend string) uint64 {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	return idx.hits[backend]
}

func (idx *routeIndex) Generation() int64 {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	return idx.generation
}

// restore loads a routing snapshot into idx.
func (idx *routeIndex) restore(gen int64, routes []Route) {
	idx.generation = gen
	idx.hits = make(map[string]uint64)
	idx.rebuild(routes)
}

func (idx *routeIndex) rebuild(routes []Route) {
	idx.byHost = make(map[string][]Route)
	for _, rt := range routes {
		idx.byHost[rt.Host] = append(idx.byHost[rt.Host], rt)
	}
	for h := range idx.byHost {
		rs := idx.byHost[h]
		sort.Slice(rs, func(i, j int) bool { return len(rs[i].Prefix) > len(rs[j].Prefix) })
	}
}
