package b4_proxy_helper

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func newServer(t *testing.T) (*Tagger, *httptest.Server) {
	tg := NewTagger("edge-1", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok"))
	}))
	srv := httptest.NewServer(tg)
	t.Cleanup(srv.Close)
	return tg, srv
}

func TestTaggerStampsInstance(t *testing.T) {
	tg, srv := newServer(t)
	resp := hammer(t, srv.Client(), srv.URL, 20)
	if got := resp.Header.Get("X-Served-By"); got != "edge-1" {
		t.Errorf("X-Served-By = %q, want edge-1", got)
	}
	if tg.Served() != 20 {
		t.Errorf("Served() = %d, want 20", tg.Served())
	}
}

func TestTaggerGeneratesRequestID(t *testing.T) {
	_, srv := newServer(t)
	resp := hammer(t, srv.Client(), srv.URL+"/healthz", 5)
	if resp.Header.Get("X-Request-Id") == "" {
		t.Error("missing X-Request-Id")
	}
}
