// Package authtest is an exported fake that other modules' tests use,
// perhaps in parallel: its handlers' races are reported.
package authtest

import (
	"net/http"
	"net/http/httptest"
)

type Server struct {
	codes map[string]string
	*httptest.Server
}

func NewServer() *Server {
	s := &Server{codes: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/authorize", func(w http.ResponseWriter, r *http.Request) {
		s.codes[r.FormValue("code")] = r.FormValue("id") // want `map store into s.codes in a handler races with concurrent requests`
	})
	s.Server = httptest.NewServer(mux)
	return s
}
