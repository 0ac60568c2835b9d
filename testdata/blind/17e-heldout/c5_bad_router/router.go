package router

import (
	"net/http"
	"sync"
)

type Router struct {
	routesMu sync.RWMutex
	routes   map[string]http.Handler
	statsMu  sync.Mutex
	hits     map[string]int
}

func New() *Router {
	return &Router{routes: make(map[string]http.Handler), hits: make(map[string]int)}
}

func (r *Router) Handle(path string, h http.Handler) {
	r.routesMu.Lock()
	defer r.routesMu.Unlock()
	r.routes[path] = h
	r.resetHits(path)
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.routesMu.RLock()
	h, ok := r.routes[req.URL.Path]
	r.routesMu.RUnlock()
	if !ok {
		http.NotFound(w, req)
		return
	}
	r.countHit(req.URL.Path)
	h.ServeHTTP(w, req)
}
