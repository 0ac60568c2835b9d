// BAD: Proxy.ServeHTTP runs concurrently for every incoming request and
// assigns p.last (a multi-word struct) without any lock, so simultaneous
// requests race on the field and /debug/last can observe a torn value.
package proxy

import (
	"encoding/json"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

type requestInfo struct {
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Remote string    `json:"remote"`
	At     time.Time `json:"at"`
}

// Proxy forwards requests to a single upstream and remembers the most recent
// one for debugging.
type Proxy struct {
	upstream *url.URL
	rp       *httputil.ReverseProxy
	last     requestInfo
}

// NewProxy returns a Proxy for the given upstream base URL.
func NewProxy(upstream string) (*Proxy, error) {
	u, err := url.Parse(upstream)
	if err != nil {
		return nil, err
	}
	return &Proxy{upstream: u, rp: httputil.NewSingleHostReverseProxy(u)}, nil
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/debug/last" {
		p.serveLast(w)
		return
	}
	p.last = requestInfo{Method: r.Method, Path: r.URL.Path, Remote: r.RemoteAddr, At: time.Now()} // want "races with concurrent requests"
	r.Header.Set("X-Forwarded-Host", r.Host)
	p.rp.ServeHTTP(w, r)
}

func (p *Proxy) serveLast(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(p.last)
}

// Run listens on addr and proxies to the upstream.
func Run(addr, upstream string) error {
	p, err := NewProxy(upstream)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           p,
		ReadHeaderTimeout: 10 * time.Second,
	}
	return srv.ListenAndServe()
}
