package meshrouter

import (
	"net/http"
	"strings"
	"sync"
)

type Resolver interface {
	Resolve(host string) (string, bool)
}

type Router struct {
	rw       sync.RWMutex
	routes   map[string]string
	defaults string
	resolver Resolver
	probe    func(upstream string) bool
}

func NewRouter(defaultUpstream string, probe func(string) bool) *Router {
	r := &Router{routes: map[string]string{}, defaults: defaultUpstream, probe: probe}
	r.resolver = newHostResolver(r)
	return r
}

func (r *Router) upstreamFor(host string) (string, bool) {
	r.rw.RLock()
	defer r.rw.RUnlock()
	u, ok := r.routes[strings.ToLower(host)]
	return u, ok
}

func (r *Router) SetRoute(host, upstream string) {
	r.rw.Lock()
	defer r.rw.Unlock()
	host = strings.ToLower(host)
	if cur, ok := r.resolver.Resolve(host); ok && cur == upstream {
		return
	}
	r.routes[host] = upstream
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	up, ok := r.resolver.Resolve(req.Host)
	if !ok {
		http.Error(w, "no route", http.StatusBadGateway)
		return
	}
	w.Header().Set("X-Upstream", up)
	w.WriteHeader(http.StatusNoContent)
}
