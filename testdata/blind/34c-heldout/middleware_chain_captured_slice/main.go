// BAD: failures is captured from NewAPI and appended to by the report handler on
// every request without a lock; the handler goes through a middleware chain that the
// http.Server serves concurrently.
package main

import (
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"
)

type Middleware func(http.Handler) http.Handler

func Chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Request-ID") == "" {
			r.Header.Set("X-Request-ID", fmt.Sprint(time.Now().UnixNano()))
		}
		next.ServeHTTP(w, r)
	})
}

func Timeout(d time.Duration) Middleware {
	return func(next http.Handler) http.Handler {
		return http.TimeoutHandler(next, d, "timeout")
	}
}

type failure struct {
	Job    string
	Reason string
}

func NewAPI() (http.Handler, func() []failure) {
	var failures []failure

	report := func(w http.ResponseWriter, r *http.Request) {
		job := strings.TrimPrefix(r.URL.Path, "/jobs/")
		reason := r.FormValue("reason")
		if job == "" || reason == "" {
			http.Error(w, "job and reason required", http.StatusBadRequest)
			return
		}
		failures = append(failures, failure{Job: job, Reason: reason}) // want "races with concurrent requests"
		w.WriteHeader(http.StatusAccepted)
	}

	mux := http.NewServeMux()
	mux.Handle("/jobs/", Chain(http.HandlerFunc(report), RequestID, Timeout(2*time.Second)))
	return mux, func() []failure { return failures }
}

func main() {
	api, _ := NewAPI()
	srv := &http.Server{Addr: ":8091", Handler: api}
	log.Fatal(srv.ListenAndServe())
}
