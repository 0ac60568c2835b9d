package audit

import (
	"net/http"
)

// Middleware records every request that reaches next.
func Middleware(l *Log, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, _, _ := r.BasicAuth()
		l.Record(user, r.Method+" "+r.URL.Path)
		next.ServeHTTP(w, r)
	})
}

// Serve runs srv and closes the audit log when the server stops.
func Serve(srv *http.Server, l *Log) error {
	err := srv.ListenAndServe()
	l.Close()
	return err
}
