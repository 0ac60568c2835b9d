// BAD: the login handler runs once per request in its own goroutine, and it
// stores the new session into s.sessions with no mutex held, so concurrent
// logins race on the map (and with the lookups done by /whoami).
package server

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"time"
)

// Session is an authenticated browser session.
type Session struct {
	User    string    `json:"user"`
	Expires time.Time `json:"expires"`
}

// Server is the account front end.
type Server struct {
	users    map[string]string // username -> password, loaded at startup
	sessions map[string]*Session
	ttl      time.Duration
	mux      *http.ServeMux
}

// New builds a Server with the given fixed set of users.
func New(users map[string]string, ttl time.Duration) *Server {
	s := &Server{
		users:    users,
		sessions: make(map[string]*Session),
		ttl:      ttl,
		mux:      http.NewServeMux(),
	}
	s.mux.HandleFunc("/login", s.handleLogin)
	s.mux.HandleFunc("/whoami", s.handleWhoami)
	return s
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func newToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	user, pass := r.FormValue("user"), r.FormValue("password")
	if want, ok := s.users[user]; !ok || want != pass {
		http.Error(w, "bad credentials", http.StatusUnauthorized)
		return
	}
	tok, err := newToken()
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.sessions[tok] = &Session{User: user, Expires: time.Now().Add(s.ttl)} // want "races with concurrent requests"
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: tok, HttpOnly: true})
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleWhoami(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("sid")
	if err != nil {
		http.Error(w, "not logged in", http.StatusUnauthorized)
		return
	}
	sess, ok := s.sessions[c.Value]
	if !ok || time.Now().After(sess.Expires) {
		http.Error(w, "session expired", http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(sess)
}

// ListenAndServe runs the server on addr.
func (s *Server) ListenAndServe(addr string) error {
	return http.ListenAndServe(addr, s)
}
