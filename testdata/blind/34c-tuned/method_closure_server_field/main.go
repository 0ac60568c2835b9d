// BAD: handleEvent returns a closure that appends to s.recent, a field of the one
// Server shared by all requests, while holding no lock; concurrent POSTs race on it.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"sync"
	"time"
)

type Event struct {
	Kind string    `json:"kind"`
	At   time.Time `json:"at"`
}

type Server struct {
	mu     sync.Mutex // guards recent
	recent []Event
	limit  int
	router *http.ServeMux
}

func NewServer(limit int) *Server {
	s := &Server{limit: limit, router: http.NewServeMux()}
	s.routes()
	return s
}

func (s *Server) routes() {
	s.router.HandleFunc("/events", s.handleEvent())
	s.router.HandleFunc("/events/recent", s.handleRecent())
}

func (s *Server) handleEvent() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		var ev Event
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ev.At = time.Now()
		s.recent = append(s.recent, ev) // want "races with concurrent requests"
		w.WriteHeader(http.StatusAccepted)
	}
}

func (s *Server) handleRecent() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		out := make([]Event, len(s.recent))
		copy(out, s.recent)
		s.mu.Unlock()
		if len(out) > s.limit {
			out = out[len(out)-s.limit:]
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.router.ServeHTTP(w, r)
}

func main() {
	srv := &http.Server{
		Addr:         ":9000",
		Handler:      NewServer(50),
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
