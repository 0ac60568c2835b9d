package b4_proxy_helper

import (
	"net/http"
	"sync/atomic"
)

// Tagger wraps a handler, stamps every response with the serving
// instance name and counts requests.
type Tagger struct {
	next     http.Handler
	instance string
	served   atomic.Int64
}

// NewTagger wraps next.
func NewTagger(instance string, next http.Handler) *Tagger {
	return &Tagger{next: next, instance: instance}
}

func (t *Tagger) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t.served.Add(1)
	w.Header().Set("X-Served-By", t.instance)
	if r.Header.Get("X-Request-Id") == "" {
		w.Header().Set("X-Request-Id", "generated")
	}
	t.next.ServeHTTP(w, r)
}

// Served reports the number of requests handled.
func (t *Tagger) Served() int64 { return t.served.Load() }
