// GOOD: every handler write to the shared visit counts happens with s.mu held, and
// the periodic reporter takes the same lock before reading.
package main

import (
	"fmt"
	"log"
	"net/http"
	"sort"
	"sync"
	"time"
)

type tracker struct {
	mu     sync.Mutex
	visits map[string]int
	total  int
}

func newTracker() *tracker {
	return &tracker{visits: make(map[string]int)}
}

func (t *tracker) register(mux *http.ServeMux) {
	mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Path[len("/page/"):]
		t.mu.Lock()
		t.visits[page]++
		t.total++
		n := t.visits[page]
		t.mu.Unlock()
		fmt.Fprintf(w, "%s has %d visits\n", page, n)
	})
}

func (t *tracker) snapshot() (int, []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	pages := make([]string, 0, len(t.visits))
	for p := range t.visits {
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return t.visits[pages[i]] > t.visits[pages[j]] })
	if len(pages) > 3 {
		pages = pages[:3]
	}
	return t.total, pages
}

func (t *tracker) report(every time.Duration) {
	for range time.Tick(every) {
		total, top := t.snapshot()
		log.Printf("total=%d top=%v", total, top)
	}
}

func main() {
	t := newTracker()
	mux := http.NewServeMux()
	t.register(mux)
	go t.report(30 * time.Second)
	srv := &http.Server{Addr: ":8083", Handler: mux}
	log.Fatal(srv.ListenAndServe())
}
