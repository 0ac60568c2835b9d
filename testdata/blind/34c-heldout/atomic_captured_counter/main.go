// GOOD: the captured request and error counters are updated only through sync/atomic,
// so concurrent requests and the metrics endpoint never race on them.
package main

import (
	"fmt"
	"log"
	"math/rand"
	"net/http"
	"sync/atomic"
	"time"
)

type quoteService struct {
	quotes []string
}

func (q *quoteService) pick() (string, error) {
	if len(q.quotes) == 0 {
		return "", fmt.Errorf("no quotes configured")
	}
	return q.quotes[rand.Intn(len(q.quotes))], nil
}

func newMux(svc *quoteService) *http.ServeMux {
	var requests, failures int64
	var lastNanos atomic.Int64

	mux := http.NewServeMux()
	mux.HandleFunc("/quote", func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&requests, 1)
		lastNanos.Store(time.Now().UnixNano())
		q, err := svc.pick()
		if err != nil {
			atomic.AddInt64(&failures, 1)
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, q)
	})
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "quote_requests_total %d\n", atomic.LoadInt64(&requests))
		fmt.Fprintf(w, "quote_failures_total %d\n", atomic.LoadInt64(&failures))
		fmt.Fprintf(w, "quote_last_request_unix_nanos %d\n", lastNanos.Load())
	})
	return mux
}

func main() {
	svc := &quoteService{quotes: []string{
		"Simplicity is prerequisite for reliability.",
		"Clear is better than clever.",
	}}
	srv := &http.Server{
		Addr:         ":8092",
		Handler:      newMux(svc),
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
