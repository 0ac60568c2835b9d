// GOOD: test-only fake in an internal package; the module's tests call it
// strictly sequentially, so the handlers' unlocked map writes do not race.

// Package oauthtest is a minimal in-memory OAuth2 provider for tests.
package oauthtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// Provider is a fake authorization server.
type Provider struct {
	*httptest.Server
	clients map[string]string // client_id -> redirect_uri
	codes   map[string]string // code -> client_id
	tokens  map[string]string // access token -> client_id
	seq     int
}

// NewProvider starts the fake provider.
func NewProvider() *Provider {
	p := &Provider{
		clients: make(map[string]string),
		codes:   make(map[string]string),
		tokens:  make(map[string]string),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/register", p.register)
	mux.HandleFunc("/authorize", p.authorize)
	mux.HandleFunc("/token", p.token)
	p.Server = httptest.NewServer(mux)
	return p
}

func (p *Provider) next(prefix string) string {
	p.seq++
	return fmt.Sprintf("%s-%d", prefix, p.seq)
}

func (p *Provider) register(w http.ResponseWriter, r *http.Request) {
	id := p.next("client")
	p.clients[id] = r.FormValue("redirect_uri")
	json.NewEncoder(w).Encode(map[string]string{"client_id": id})
}

func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	clientID := r.FormValue("client_id")
	redirect, ok := p.clients[clientID]
	if !ok {
		http.Error(w, "unknown client", http.StatusBadRequest)
		return
	}
	code := p.next("code")
	p.codes[code] = clientID
	http.Redirect(w, r, redirect+"?code="+code+"&state="+r.FormValue("state"), http.StatusFound)
}

func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	code := r.FormValue("code")
	clientID, ok := p.codes[code]
	if !ok {
		http.Error(w, `{"error":"invalid_grant"}`, http.StatusBadRequest)
		return
	}
	delete(p.codes, code)
	tok := p.next("token")
	p.tokens[tok] = clientID
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"access_token": tok,
		"token_type":   "Bearer",
		"expires_in":   3600,
	})
}

// ClientFor reports which client an access token was issued to.
func (p *Provider) ClientFor(token string) (string, bool) {
	id, ok := p.tokens[token]
	return id, ok
}
