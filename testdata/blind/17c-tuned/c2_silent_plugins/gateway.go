package gateway

import (
	"errors"
	"net/http"
	"sync"
)

type Authorizer interface {
	Allow(token, route string) bool
}

type Gateway struct {
	mu     sync.Mutex
	routes map[string]http.Handler
	hits   map[string]int
	authz  Authorizer
	realm  string
}

func New(realm string) *Gateway {
	g := &Gateway{
		routes: make(map[string]http.Handler),
		hits:   make(map[string]int),
		realm:  realm,
	}
	g.authz = newTokenCache(g)
	return g
}

func (g *Gateway) Mount(route string, h http.Handler) {
	g.mu.Lock()
	g.routes[route] = h
	g.mu.Unlock()
}

var errDenied = errors.New("gateway: denied")

func (g *Gateway) resolve(token, route string) (http.Handler, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	h, ok := g.routes[route]
	if !ok {
		return nil, errors.New("gateway: no route " + route)
	}
	if !g.authz.Allow(token, route) {
		return nil, errDenied
	}
	g.hits[route]++
	return h, nil
}

func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h, err := g.resolve(r.Header.Get("Authorization"), r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	h.ServeHTTP(w, r)
}
