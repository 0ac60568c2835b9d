// BAD: exported test helper used by other modules' (possibly parallel) tests;
// the receiver's handler writes f.deliveries with no mutex, racing with other
// in-flight deliveries.

// Package webhooktest provides an in-process webhook receiver that records
// every delivery so that tests of webhook senders can assert on them.
package webhooktest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

// Delivery is one webhook call received by the fake.
type Delivery struct {
	EventID   string
	Event     string
	Body      json.RawMessage
	Signature string
	At        time.Time
}

// Receiver is a fake webhook endpoint.
type Receiver struct {
	URL        string
	srv        *httptest.Server
	deliveries map[string]Delivery
}

// NewReceiver starts a receiver; call Close when done.
func NewReceiver() *Receiver {
	f := &Receiver{deliveries: make(map[string]Delivery)}
	mux := http.NewServeMux()
	mux.HandleFunc("/hooks", f.receive)
	f.srv = httptest.NewServer(mux)
	f.URL = f.srv.URL + "/hooks"
	return f
}

func (f *Receiver) receive(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get("X-Event-Id")
	if id == "" {
		http.Error(w, "missing X-Event-Id", http.StatusBadRequest)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil || !json.Valid(body) {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	f.deliveries[id] = Delivery{ // want "races with concurrent requests"
		EventID:   id,
		Event:     r.Header.Get("X-Event"),
		Body:      body,
		Signature: r.Header.Get("X-Signature"),
		At:        time.Now(),
	}
	w.WriteHeader(http.StatusAccepted)
}

// Delivered reports the delivery recorded for an event ID.
func (f *Receiver) Delivered(eventID string) (Delivery, bool) {
	d, ok := f.deliveries[eventID]
	return d, ok
}

// Count reports how many distinct events were delivered.
func (f *Receiver) Count() int { return len(f.deliveries) }

// Close shuts the receiver down.
func (f *Receiver) Close() { f.srv.Close() }
