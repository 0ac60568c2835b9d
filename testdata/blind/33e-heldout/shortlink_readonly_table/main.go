// GOOD: the redirect table and the server's settings are built once in main
// before ListenAndServe starts and the handlers only read them, so concurrent
// requests share immutable state; all per-request data lives in locals.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
)

type redirector struct {
	links    map[string]string // short name -> target URL, never modified after load
	fallback string
	status   int
}

func loadLinks(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	links := make(map[string]string)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		name, target, ok := strings.Cut(text, " ")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"name url\"", path, line)
		}
		links[name] = strings.TrimSpace(target)
	}
	return links, sc.Err()
}

func (rd *redirector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.Trim(r.URL.Path, "/")
	target, ok := rd.links[name]
	if !ok {
		if rd.fallback == "" {
			http.NotFound(w, r)
			return
		}
		target = rd.fallback
	}
	http.Redirect(w, r, target, rd.status)
}

func listHandler(rd *redirector) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		for name, target := range rd.links {
			fmt.Fprintf(w, "%s -> %s\n", name, target)
		}
	}
}

func main() {
	file := flag.String("links", "links.txt", "file of \"name url\" lines")
	addr := flag.String("addr", ":8080", "listen address")
	fallback := flag.String("fallback", "", "redirect target for unknown names")
	permanent := flag.Bool("permanent", false, "use 301 instead of 302")
	flag.Parse()

	links, err := loadLinks(*file)
	if err != nil {
		log.Fatal(err)
	}
	rd := &redirector{links: links, fallback: *fallback, status: http.StatusFound}
	if *permanent {
		rd.status = http.StatusMovedPermanently
	}

	mux := http.NewServeMux()
	mux.Handle("/", rd)
	mux.HandleFunc("/_links", listHandler(rd))
	log.Printf("%d links loaded; listening on %s", len(links), *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}
