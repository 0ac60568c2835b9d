// BAD: lastUploader is a package variable assigned by the upload handler on every
// request with no lock; the handler is wrapped by logging middleware and served by
// http.Server, so concurrent uploads race on it.
package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"time"
)

var (
	lastUploader string
	maxUpload    int64 = 8 << 20
)

func withLogging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Printf("%s %s %s", r.Method, r.URL.Path, time.Since(start))
	})
}

func withRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				log.Printf("panic: %v", v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func uploadHandler(w http.ResponseWriter, r *http.Request) {
	user := r.Header.Get("X-User")
	if user == "" {
		http.Error(w, "missing user", http.StatusUnauthorized)
		return
	}
	n, err := io.Copy(io.Discard, io.LimitReader(r.Body, maxUpload))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	lastUploader = user // want "races with concurrent requests"
	fmt.Fprintf(w, "stored %d bytes\n", n)
}

func main() {
	mux := http.NewServeMux()
	mux.Handle("/upload", withLogging(withRecover(http.HandlerFunc(uploadHandler))))

	srv := &http.Server{
		Addr:              ":8081",
		Handler:           mux,
		ReadHeaderTimeout: 3 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
