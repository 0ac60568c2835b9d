// BAD: each route is wrapped in a closure registered in a loop; every request
// calls m.observe, which increments m.counts[route] and m.totalLatency[route]
// without a lock, so concurrent requests to any route race on those maps.
package api

import (
	"fmt"
	"net/http"
	"sort"
	"time"
)

// metrics keeps per-route request counts.
type metrics struct {
	counts       map[string]int
	totalLatency map[string]time.Duration
}

func (m *metrics) observe(route string, d time.Duration) {
	m.counts[route]++          // want "races with concurrent requests"
	m.totalLatency[route] += d // want "races with concurrent requests"
}

type route struct {
	name    string
	pattern string
	handler http.HandlerFunc
}

// API is the public HTTP surface of the service.
type API struct {
	mux *http.ServeMux
	m   *metrics
}

// NewAPI registers all routes, instrumenting each one.
func NewAPI() *API {
	a := &API{
		mux: http.NewServeMux(),
		m:   &metrics{counts: make(map[string]int), totalLatency: make(map[string]time.Duration)},
	}
	routes := []route{
		{"health", "/healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") }},
		{"version", "/version", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "v1.4.2") }},
		{"metrics", "/metrics", a.serveMetrics},
	}
	for _, rt := range routes {
		rt := rt
		a.mux.HandleFunc(rt.pattern, func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rt.handler(w, r)
			a.m.observe(rt.name, time.Since(start))
		})
	}
	return a
}

func (a *API) serveMetrics(w http.ResponseWriter, r *http.Request) {
	names := make([]string, 0, len(a.m.counts))
	for name := range a.m.counts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		n := a.m.counts[name]
		avg := a.m.totalLatency[name] / time.Duration(n)
		fmt.Fprintf(w, "http_requests_total{route=%q} %d\n", name, n)
		fmt.Fprintf(w, "http_request_avg_seconds{route=%q} %g\n", name, avg.Seconds())
	}
}

// ServeHTTP dispatches to the registered routes.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }
