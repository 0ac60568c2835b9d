// GOOD: main calls the package's StartUpdater exactly once at process start.
package main

import (
	"flag"
	"log"
	"net/http"

	metrics "blind/g1_metrics_updater"
)

func main() {
	addr := flag.String("addr", ":9100", "listen address")
	flag.Parse()

	metrics.StartUpdater()
	metrics.Set("build_info", 1)

	mux := http.NewServeMux()
	mux.Handle("/metrics", metrics.Handler())
	log.Printf("metricsd listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}
