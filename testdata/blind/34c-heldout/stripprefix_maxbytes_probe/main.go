// GOOD: Forward creates reached/prefixOK per call, wraps the per-request closure in
// http.StripPrefix and http.MaxBytesHandler, serves it once synchronously on the
// current goroutine, and only then reads the variables; each call has its own.
package proxyutil

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

// Result describes how a sub-handler treated a request.
type Result struct {
	Reached bool
	Status  int
	Path    string
	Body    string
}

// Mount serves requests under prefix with a body limit, recording what reached inner.
type Mount struct {
	Prefix  string
	MaxBody int64
	Inner   http.Handler
}

// Forward runs the mounted handler for one request and reports the outcome.
func (m *Mount) Forward(r *http.Request) Result {
	reached := false
	strippedPath := ""
	inner := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		reached = true
		strippedPath = req.URL.Path
		m.Inner.ServeHTTP(w, req)
	})

	h := http.MaxBytesHandler(http.StripPrefix(m.Prefix, inner), m.MaxBody)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)

	res := Result{Reached: reached, Status: rec.Code, Body: rec.Body.String()}
	if reached {
		res.Path = strippedPath
	}
	return res
}

// Gateway dispatches each incoming request to the first mount that accepts it.
type Gateway struct {
	Mounts []*Mount
}

func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, m := range g.Mounts {
		if !strings.HasPrefix(r.URL.Path, m.Prefix) {
			continue
		}
		res := m.Forward(r)
		if !res.Reached {
			http.Error(w, "rejected by mount", http.StatusBadGateway)
			return
		}
		w.Header().Set("X-Mounted-Path", res.Path)
		w.WriteHeader(res.Status)
		_, _ = w.Write([]byte(res.Body))
		return
	}
	http.NotFound(w, r)
}
