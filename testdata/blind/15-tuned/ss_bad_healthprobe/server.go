// BAD: the test starts ListenAndServe in a goroutine and only sleeps 50ms before dialing, so on a loaded CI machine the http.Get can run before the goroutine has bound the port and the test fails with "connection refused".
package ss_bad_healthprobe

import (
	"encoding/json"
	"net/http"
	"sync/atomic"
)

type healthState struct {
	ready atomic.Bool
}

func newMux(h *healthState) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		status := "starting"
		if h.ready.Load() {
			status = "ok"
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"status": status})
	})
	return mux
}
