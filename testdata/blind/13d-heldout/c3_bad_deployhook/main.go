package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"time"
)

type deployEvent struct {
	Service string `json:"service"`
	Version string `json:"version"`
	Actor   string `json:"actor"`
}

type deployRecord struct {
	deployEvent
	At time.Time
}

func run(addr string) error {
	var last *deployRecord

	mux := http.NewServeMux()
	mux.HandleFunc("POST /hooks/deploy", func(w http.ResponseWriter, r *http.Request) {
		var ev deployEvent
		if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		last = &deployRecord{deployEvent: ev, At: time.Now()}
		w.WriteHeader(http.StatusAccepted)
	})
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {
		rec := last
		if rec == nil {
			fmt.Fprintln(w, "no deploys yet")
			return
		}
		fmt.Fprintf(w, "last=%s@%s by %s at %s\n",
			rec.Service, rec.Version, rec.Actor, rec.At.Format(time.RFC3339))
	})

	log.Printf("listening on %s", addr)
	return http.ListenAndServe(addr, mux)
}

func main() {
	addr := flag.String("addr", ":8089", "listen address")
	flag.Parse()
	log.Fatal(run(*addr))
}
