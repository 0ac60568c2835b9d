package netwait

import (
	"net/http"
	"testing"
	"time"
)

// Adapted from a blind case: a health endpoint probed 50ms after
// ListenAndServe was started in a goroutine.
func TestHealthz(t *testing.T) {
	srv := &http.Server{Addr: "127.0.0.1:18431", Handler: http.NewServeMux()}
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			t.Errorf("serve: %v", err)
		}
	}()
	defer srv.Close()

	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 13 to listen`

	resp, err := http.Get("http://127.0.0.1:18431/healthz")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	resp.Body.Close()
}

// Silent: the sleep paces retries of the probe, in a loop.
func TestHealthzRetried(t *testing.T) {
	srv := &http.Server{Addr: "127.0.0.1:18432", Handler: http.NewServeMux()}
	go srv.ListenAndServe()
	defer srv.Close()
	for i := 0; ; i++ {
		resp, err := http.Get("http://127.0.0.1:18432/healthz")
		if err == nil {
			resp.Body.Close()
			return
		}
		if i == 10 {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Reported: the test joins the server goroutine in a deferred literal
// at its end (serf's agent test), but the GET after the sleep needs the
// listener long before that.
func TestHealthzJoinedAtEnd(t *testing.T) {
	srv := &http.Server{Addr: "127.0.0.1:18432", Handler: http.NewServeMux()}
	done := make(chan struct{})
	defer func() {
		srv.Close()
		<-done
	}()
	go func() {
		defer close(done)
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			t.Errorf("serve: %v", err)
		}
	}()

	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 57 to listen`

	resp, err := http.Get("http://127.0.0.1:18432/healthz")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	resp.Body.Close()
}
