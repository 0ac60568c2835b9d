// BAD: in this library package, the heartbeat handler assigns lastBeat and beats,
// captured from NewMonitor, with no lock; the returned mux is served concurrently, so
// simultaneous heartbeats race with each other and with Stale.
package heartbeat

import (
	"net/http"
	"time"
)

// Monitor reports whether agents have checked in recently.
type Monitor struct {
	Handler http.Handler
	Stale   func() bool
	Beats   func() int
}

// NewMonitor returns a Monitor whose Handler accepts POST /beat from agents.
func NewMonitor(maxAge time.Duration, now func() time.Time) *Monitor {
	if now == nil {
		now = time.Now
	}
	var lastBeat time.Time
	beats := 0

	mux := http.NewServeMux()
	mux.HandleFunc("/beat", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		lastBeat = now() // want "races with concurrent requests"
		beats++          // want "races with concurrent requests"
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})

	return &Monitor{
		Handler: mux,
		Stale: func() bool {
			return now().Sub(lastBeat) > maxAge
		},
		Beats: func() int { return beats },
	}
}

// Serve runs the monitor's handler on addr until the server fails.
func (m *Monitor) Serve(addr string) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           m.Handler,
		ReadHeaderTimeout: 2 * time.Second,
	}
	return srv.ListenAndServe()
}
