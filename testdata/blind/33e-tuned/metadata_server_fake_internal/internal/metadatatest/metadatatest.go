// GOOD: internal test fake driven sequentially by this module's tests; the
// handlers' unlocked writes (token counter, issued map, attributes) never run
// concurrently.

// Package metadatatest fakes the instance metadata endpoint.
package metadatatest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

const prefix = "/computeMetadata/v1/"

// Fake is an in-process metadata server.
type Fake struct {
	srv        *httptest.Server
	attributes map[string]string
	issued     map[string]int // token -> sequence number
	tokenCalls int
}

// New starts a fake with the given instance attributes.
func New(attrs map[string]string) *Fake {
	f := &Fake{attributes: attrs, issued: make(map[string]int)}
	mux := http.NewServeMux()
	mux.HandleFunc(prefix+"instance/service-accounts/default/token", f.token)
	mux.HandleFunc(prefix+"instance/attributes/", f.attribute)
	f.srv = httptest.NewServer(requireFlavor(mux))
	return f
}

func requireFlavor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Metadata-Flavor") != "Google" {
			http.Error(w, "missing Metadata-Flavor", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (f *Fake) token(w http.ResponseWriter, r *http.Request) {
	f.tokenCalls++
	tok := fmt.Sprintf("ya29.fake-%d", f.tokenCalls)
	f.issued[tok] = f.tokenCalls
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"access_token": tok, "expires_in": 3599, "token_type": "Bearer",
	})
}

func (f *Fake) attribute(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, prefix+"instance/attributes/")
	if r.Method == http.MethodPut {
		b, _ := io.ReadAll(r.Body)
		f.attributes[name] = string(b)
		return
	}
	v, ok := f.attributes[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	io.WriteString(w, v)
}

// Host returns the host:port to put in GCE_METADATA_HOST.
func (f *Fake) Host() string { return strings.TrimPrefix(f.srv.URL, "http://") }

// TokenCalls reports how many tokens were requested.
func (f *Fake) TokenCalls() int { return f.tokenCalls }

// Close stops the fake.
func (f *Fake) Close() { f.srv.Close() }
