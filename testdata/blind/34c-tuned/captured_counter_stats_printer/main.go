// BAD: the /ping handler closure increments hits, a local of run() shared by every
// request; concurrent requests write it with no lock, and the stats loop reads it too.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

type config struct {
	addr          string
	statsInterval time.Duration
}

func parseFlags() config {
	var c config
	flag.StringVar(&c.addr, "addr", ":8080", "listen address")
	flag.DurationVar(&c.statsInterval, "stats", 10*time.Second, "stats interval")
	flag.Parse()
	return c
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintln(w, body)
}

func run(c config) error {
	hits := 0
	started := time.Now()

	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		hits++ // want "races with concurrent requests"
		writeJSON(w, http.StatusOK, `{"pong":true}`)
	})
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"ok":true}`)
	})

	go func() {
		t := time.NewTicker(c.statsInterval)
		defer t.Stop()
		for range t.C {
			up := time.Since(started).Round(time.Second)
			log.Printf("uptime=%s pings=%d", up, hits)
		}
	}()

	log.Printf("listening on %s", c.addr)
	return http.ListenAndServe(c.addr, mux)
}

func main() {
	if err := run(parseFlags()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
