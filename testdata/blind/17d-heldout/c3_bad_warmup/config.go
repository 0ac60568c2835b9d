package gateway

import (
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
)

type Route struct {
	Prefix  string
	Backend string
}

type Gateway struct {
	cfgMu  sync.RWMutex
	routes []Route
	conns  map[string]int
	dial   func(backend string) error
}

func New(routes []Route, dial func(string) error) *Gateway {
	g := &Gateway{routes: routes, conns: map[string]int{}, dial: dial}
	go g.watchReload()
	return g
}

func (g *Gateway) watchReload() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP)
	for range sig {
		fresh := parseRoutes(os.Getenv("GATEWAY_ROUTES"))
		g.cfgMu.Lock()
		g.routes = fresh
		g.cfgMu.Unlock()
	}
}

func parseRoutes(spec string) []Route {
	var out []Route
	for _, kv := range strings.Split(spec, ",") {
		if p, b, ok := strings.Cut(kv, "="); ok {
			out = append(out, Route{Prefix: p, Backend: b})
		}
	}
	return out
}

func (g *Gateway) backendFor(path string) string {
	g.cfgMu.RLock()
	defer g.cfgMu.RUnlock()
	for _, r := range g.routes {
		if strings.HasPrefix(path, r.Prefix) {
			return r.Backend
		}
	}
	return ""
}
