// BAD: hitsByPath is a package-level map incremented by a handler registered
// with http.HandleFunc; net/http serves every request on its own goroutine, so
// two requests arriving together do an unsynchronized read-modify-write.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"sort"
	"strings"
)

var hitsByPath = map[string]int{}

// normalizePath folds trailing slashes and case so /Docs/ and /docs count once.
func normalizePath(p string) string {
	p = strings.ToLower(p)
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	return p
}

func serveStatic(root string) http.HandlerFunc {
	fs := http.FileServer(http.Dir(root))
	return func(w http.ResponseWriter, r *http.Request) {
		key := normalizePath(r.URL.Path)
		hitsByPath[key]++ // want "races with concurrent requests"
		fs.ServeHTTP(w, r)
	}
}

type pathCount struct {
	path string
	n    int
}

func topPaths(limit int) []pathCount {
	out := make([]pathCount, 0, len(hitsByPath))
	for p, n := range hitsByPath {
		out = append(out, pathCount{p, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n > out[j].n })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func statsHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	for _, pc := range topPaths(20) {
		fmt.Fprintf(w, "%8d  %s\n", pc.n, pc.path)
	}
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	root := flag.String("root", ".", "directory to serve")
	flag.Parse()

	http.HandleFunc("/", serveStatic(*root))
	http.HandleFunc("/_stats", statsHandler)

	log.Printf("serving %s on %s", *root, *addr)
	log.Fatal(http.ListenAndServe(*addr, nil))
}
