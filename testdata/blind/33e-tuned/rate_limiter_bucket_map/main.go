// BAD: handleSearch is registered with http.Handle(http.HandlerFunc(...)) and
// writes the refilled token bucket back into s.buckets with no mutex, so
// concurrent requests race on the map (and can both spend the same token).
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"strings"
	"time"
)

type bucket struct {
	tokens float64
	last   time.Time
}

type searchServer struct {
	rate    float64 // tokens per second
	burst   float64
	buckets map[string]bucket
	index   map[string][]string
}

func newSearchServer(rate, burst float64, index map[string][]string) *searchServer {
	return &searchServer{rate: rate, burst: burst, buckets: make(map[string]bucket), index: index}
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *searchServer) handleSearch(w http.ResponseWriter, r *http.Request) {
	ip := clientIP(r)
	now := time.Now()
	b, ok := s.buckets[ip]
	if !ok {
		b = bucket{tokens: s.burst, last: now}
	}
	b.tokens += now.Sub(b.last).Seconds() * s.rate
	if b.tokens > s.burst {
		b.tokens = s.burst
	}
	b.last = now
	allowed := b.tokens >= 1
	if allowed {
		b.tokens--
	}
	s.buckets[ip] = b // want "races with concurrent requests"

	if !allowed {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "rate limit exceeded", http.StatusTooManyRequests)
		return
	}
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"query": q, "results": s.index[q]})
}

func main() {
	s := newSearchServer(2, 10, map[string][]string{
		"go":   {"https://go.dev", "https://pkg.go.dev"},
		"rust": {"https://www.rust-lang.org"},
	})
	http.Handle("/search", http.HandlerFunc(s.handleSearch))
	log.Fatal(http.ListenAndServe(":8081", nil))
}
