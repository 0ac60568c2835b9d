// BAD: the stub handler sends on the unbuffered bodies channel for every request; the
// test publishes once and only receives from paths, so the handler never returns.

package pubclient

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestPublishPostsToTopic(t *testing.T) {
	paths := make(chan string, 1)
	bodies := make(chan string)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths <- r.URL.Path
		b, _ := io.ReadAll(r.Body)
		bodies <- string(b) // want "blocks forever"
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	c := New(srv.URL)
	if err := c.Publish(context.Background(), "orders", []byte(`{"id":7}`)); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if got := <-paths; got != "/topics/orders" {
		t.Fatalf("path = %q, want /topics/orders", got)
	}
}

func TestPublishRejectsEmptyTopic(t *testing.T) {
	c := New("http://127.0.0.1:0")
	if err := c.Publish(context.Background(), "", nil); err == nil {
		t.Fatal("expected error for empty topic")
	}
}
