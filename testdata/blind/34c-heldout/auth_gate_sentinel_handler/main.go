// GOOD: for each request, gate() declares its own allowed/user variables, runs the
// auth middleware around a sentinel closure synchronously, and reads them after
// ServeHTTP returns; nothing is shared between requests.
package main

import (
	"context"
	"log"
	"net/http"
	"strings"
	"time"
)

type ctxKey struct{}

type Authenticator struct {
	tokens map[string]string // token -> user, read-only after construction
}

func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		user, ok := a.tokens[tok]
		if !ok {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, user)))
	})
}

// gate runs mw for this request only and reports whether it let the request through.
func gate(mw func(http.Handler) http.Handler, w http.ResponseWriter, r *http.Request) (string, bool) {
	var allowed bool
	var user string
	sentinel := http.HandlerFunc(func(_ http.ResponseWriter, req *http.Request) {
		allowed = true
		user, _ = req.Context().Value(ctxKey{}).(string)
	})
	mw(sentinel).ServeHTTP(w, r)
	return user, allowed
}

type adminHandler struct {
	auth *Authenticator
}

func (h *adminHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/admin/") {
		user, ok := gate(h.auth.Middleware, w, r)
		if !ok {
			log.Printf("denied %s", r.URL.Path)
			return
		}
		log.Printf("admin access by %s", user)
		w.Write([]byte("welcome, " + user + "\n"))
		return
	}
	w.Write([]byte("public\n"))
}

func main() {
	auth := &Authenticator{tokens: map[string]string{"s3cret": "alice"}}
	srv := &http.Server{
		Addr:              ":8093",
		Handler:           &adminHandler{auth: auth},
		ReadHeaderTimeout: 3 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
