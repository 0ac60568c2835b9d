package router

import (
	"fmt"
	"net/http"
	"sort"
)

func (r *Router) resetHits(path string) {
	r.statsMu.Lock()
	r.hits[path] = 0
	r.statsMu.Unlock()
}

func (r *Router) countHit(path string) {
	r.statsMu.Lock()
	r.hits[path]++
	r.statsMu.Unlock()
}

func (r *Router) knownRoutes() int {
	r.routesMu.RLock()
	defer r.routesMu.RUnlock()
	return len(r.routes)
}

func (r *Router) StatsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		r.statsMu.Lock()
		defer r.statsMu.Unlock()
		paths := make([]string, 0, len(r.hits))
		for p := range r.hits {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		fmt.Fprintf(w, "routes %d\n", r.knownRoutes())
		for _, p := range paths {
			fmt.Fprintf(w, "%s %d\n", p, r.hits[p])
		}
	})
}
