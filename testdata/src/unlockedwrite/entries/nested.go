package entries

import (
	"net/http"
	"sync"
)

// metrics hangs off the API every request shares: what a pointer
// field of shared state points to is shared too.
type metrics struct {
	mu     sync.Mutex
	counts map[string]int
	hits   map[string]int
}

type API struct {
	mux *http.ServeMux
	m   *metrics
}

func NewAPI() *API {
	a := &API{mux: http.NewServeMux(), m: &metrics{counts: map[string]int{}, hits: map[string]int{}}}
	a.mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		a.m.counts[r.URL.Path]++ // want `map store into a.m.counts in a handler races with concurrent requests: no lock is held`
	})
	a.mux.HandleFunc("/y", func(w http.ResponseWriter, r *http.Request) {
		a.m.mu.Lock()
		a.m.hits[r.URL.Path]++ // not reported: under the metrics' lock
		a.m.mu.Unlock()
	})
	return a
}
