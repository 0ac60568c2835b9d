package g4_fanout_fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestStopEarly(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer ts.Close()

	c := NewChecker([]string{ts.URL, ts.URL + "/a", ts.URL + "/b"}, time.Second)
	c.Launch(context.Background())
	res := c.Stop()
	if len(res) > 3 {
		t.Fatalf("too many results: %d", len(res))
	}
}
