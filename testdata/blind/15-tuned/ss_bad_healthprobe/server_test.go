package ss_bad_healthprobe

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

const probeAddr = "127.0.0.1:18431"

func TestHealthzReportsReady(t *testing.T) {
	h := &healthState{}
	h.ready.Store(true)

	srv := &http.Server{Addr: probeAddr, Handler: newMux(h)}
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			t.Errorf("serve: %v", err)
		}
	}()
	defer srv.Close()

	// give the server a moment to come up
	time.Sleep(50 * time.Millisecond) // WANT sleepsync

	resp, err := http.Get("http://" + probeAddr + "/healthz")
	if err != nil {
		t.Fatalf("GET /healthz: %v", err)
	}
	defer resp.Body.Close()

	var body map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if body["status"] != "ok" {
		t.Fatalf("status = %q, want ok", body["status"])
	}
}
