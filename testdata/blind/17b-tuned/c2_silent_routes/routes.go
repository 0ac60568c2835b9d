package routes

import (
	"net/http"
	"strings"
	"sync"
)

type Table struct {
	mu     sync.RWMutex
	exact  map[string]http.Handler
	prefix map[string]http.Handler
	miss   http.Handler
}

func NewTable(miss http.Handler) *Table {
	return &Table{
		exact:  make(map[string]http.Handler),
		prefix: make(map[string]http.Handler),
		miss:   miss,
	}
}

func (t *Table) Handle(pattern string, h http.Handler) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if strings.HasSuffix(pattern, "/") {
		t.prefix[pattern] = h
		return
	}
	t.exact[pattern] = h
}

func (t *Table) Lookup(path string) http.Handler {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if h, ok := t.exact[path]; ok {
		return h
	}
	return t.longestPrefixLocked(path)
}

func (t *Table) LongestPrefix(path string) http.Handler {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.longestPrefixLocked(path)
}

func (t *Table) longestPrefixLocked(path string) http.Handler {
	best, bestLen := t.miss, -1
	for p, h := range t.prefix {
		if strings.HasPrefix(path, p) && len(p) > bestLen {
			best, bestLen = h, len(p)
		}
	}
	return best
}

func (t *Table) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t.Lookup(r.URL.Path).ServeHTTP(w, r)
}
