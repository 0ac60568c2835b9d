package b1_upstream_proxy

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

// Backend answers lookups for the proxy.
type Backend interface {
	Lookup(ctx context.Context, key string) ([]byte, error)
}

// Proxy forwards key lookups to a backend with a per-request budget.
type Proxy struct {
	backend Backend
	budget  time.Duration
	cache   *staleCache
}

func NewProxy(b Backend, budget time.Duration) *Proxy {
	if budget <= 0 {
		budget = 2 * time.Second
	}
	return &Proxy{backend: b, budget: budget, cache: newStaleCache()}
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	if key == "" {
		http.Error(w, "missing key", http.StatusBadRequest)
		return
	}

	ctx, _ := context.WithTimeout(r.Context(), p.budget) // BAD: cancel discarded; timer and child of request ctx held until budget expires
	body, err := p.backend.Lookup(ctx, key)
	if errors.Is(err, context.DeadlineExceeded) {
		if stale, ok := p.cache.get(key); ok {
			w.Header().Set("X-Stale", "1")
			w.Write(stale)
			return
		}
		http.Error(w, "upstream timeout", http.StatusGatewayTimeout)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	p.cache.put(key, body)
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// Warm preloads keys into the cache using a deadline shared by all keys.
func (p *Proxy) Warm(keys []string, until time.Time) int {
	ctx, _ := context.WithDeadline(context.Background(), until) // BAD: cancel discarded; deadline timer held until 'until'
	n := 0
	for _, k := range keys {
		b, err := p.backend.Lookup(ctx, k)
		if err != nil {
			continue
		}
		p.cache.put(k, b)
		n++
	}
	return n
}

func (p *Proxy) Stats() ([]byte, error) {
	return json.Marshal(map[string]int{"cached": p.cache.len()})
}
