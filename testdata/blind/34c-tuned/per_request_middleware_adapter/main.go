// GOOD: Adapt builds a fresh passed flag and sentinel handler for each request, runs
// the net/http middleware synchronously on the request's goroutine, and reads the flag
// only after ServeHTTP returns; no two requests share the variable.
package main

import (
	"log"
	"net/http"
	"strings"
)

// Context is a tiny request context for a home-grown framework.
type Context struct {
	W      http.ResponseWriter
	R      *http.Request
	params map[string]string
}

type HandlerFunc func(*Context)

type Middleware func(HandlerFunc) HandlerFunc

// Adapt converts a standard net/http middleware into a framework middleware.
func Adapt(std func(http.Handler) http.Handler) Middleware {
	return func(next HandlerFunc) HandlerFunc {
		return func(c *Context) {
			passed := false
			var forwarded *http.Request
			inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				passed = true
				forwarded = r
			})
			std(inner).ServeHTTP(c.W, c.R)
			if !passed {
				return // middleware already wrote a response
			}
			c.R = forwarded
			next(c)
		}
	}
}

func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type App struct {
	routes map[string]HandlerFunc
	mws    []Middleware
}

func (a *App) Use(m Middleware) { a.mws = append(a.mws, m) }

func (a *App) Get(path string, h HandlerFunc) {
	for i := len(a.mws) - 1; i >= 0; i-- {
		h = a.mws[i](h)
	}
	a.routes[path] = h
}

func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h, ok := a.routes[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h(&Context{W: w, R: r, params: map[string]string{}})
}

func main() {
	app := &App{routes: map[string]HandlerFunc{}}
	app.Use(Adapt(requireToken))
	app.Get("/me", func(c *Context) {
		c.W.Write([]byte("hello\n"))
	})
	log.Fatal(http.ListenAndServe(":8082", app))
}
