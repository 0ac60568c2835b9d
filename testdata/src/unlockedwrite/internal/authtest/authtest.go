// Package authtest is a fake authorization server for its module's own
// tests, which drive it one request at a time: its handlers' unlocked
// map stores are not reported.
package authtest

import (
	"net/http"
	"net/http/httptest"
)

type Server struct {
	clients map[string]string
	codes   map[string]string
	*httptest.Server
}

func NewServer() *Server {
	s := &Server{clients: map[string]string{}, codes: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/register", func(w http.ResponseWriter, r *http.Request) {
		s.clients[r.FormValue("id")] = r.FormValue("redirect")
	})
	mux.HandleFunc("/authorize", func(w http.ResponseWriter, r *http.Request) {
		s.codes[r.FormValue("code")] = r.FormValue("id")
	})
	s.Server = httptest.NewServer(mux)
	return s
}
