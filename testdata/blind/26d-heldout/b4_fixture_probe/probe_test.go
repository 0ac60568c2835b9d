package b4_fixture_probe

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestProberReportsStatus(t *testing.T) {
	cases := []struct {
		name   string
		status int
	}{
		{"healthy", http.StatusOK},
		{"degraded", http.StatusServiceUnavailable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background()) // BAD: the early return on a bad fixture URL never calls cancel
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tc.status)
			}))
			defer srv.Close()
			if srv.URL == "" {
				t.Errorf("fixture server has no URL")
				return
			}
			defer cancel()

			out := make(chan Result)
			go NewProber(10*time.Millisecond).Run(ctx, srv.URL+"/healthz", out)
			select {
			case r := <-out:
				if r.Err != nil || r.Status != tc.status {
					t.Fatalf("got %+v, want status %d", r, tc.status)
				}
			case <-time.After(2 * time.Second):
				t.Fatal("no probe result")
			}
		})
	}
}
