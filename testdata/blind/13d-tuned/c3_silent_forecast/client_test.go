package forecast

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

type transportFunc func(*http.Request) (*http.Response, error)

func (f transportFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// inProcess returns a client whose requests are answered by h directly,
// without a listener.
func inProcess(h http.Handler) *Client {
	rt := transportFunc(func(r *http.Request) (*http.Response, error) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Result(), nil
	})
	return &Client{BaseURL: "http://forecast.test", HTTP: &http.Client{Transport: rt}, APIKey: "k1"}
}

func TestGetSendsKeyAndQuery(t *testing.T) {
	var gotKey, gotCity string
	requests := 0
	c := inProcess(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		gotKey = r.Header.Get("X-Api-Key")
		gotCity = r.URL.Query().Get("q")
		json.NewEncoder(w).Encode(Report{City: gotCity, TempC: 11.5, Summary: "drizzle"})
	}))

	rep, err := c.Get("Bergen")
	if err != nil {
		t.Fatal(err)
	}
	if requests != 1 {
		t.Fatalf("handler called %d times", requests)
	}
	if gotKey != "k1" || gotCity != "Bergen" {
		t.Fatalf("key=%q city=%q", gotKey, gotCity)
	}
	if rep.Summary != "drizzle" {
		t.Fatalf("summary %q", rep.Summary)
	}
}

func TestGetNon200(t *testing.T) {
	c := inProcess(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "quota", http.StatusTooManyRequests)
	}))
	if _, err := c.Get("Oslo"); err == nil {
		t.Fatal("expected error")
	}
}
