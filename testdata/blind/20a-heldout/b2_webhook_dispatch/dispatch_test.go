package b2_webhook_dispatch

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestSubmitAndClose(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer ts.Close()

	d := NewDispatcher(ts.Client(), time.Second)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 10; i++ {
			d.Submit(&Event{URL: ts.URL, Body: `{"n":1}`})
		}
	}()
	<-done
	d.Close()
	if err := d.Submit(&Event{URL: ts.URL}); err != ErrClosed {
		t.Fatalf("Submit after Close = %v, want ErrClosed", err)
	}
}
