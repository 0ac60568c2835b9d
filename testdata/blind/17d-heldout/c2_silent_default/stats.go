package edgeproxy

import (
	"net/http"
	"sync/atomic"
	"time"
)

type sample struct {
	path    string
	status  int
	latency time.Duration
}

type statsRecorder struct {
	samples chan sample
	dropped atomic.Int64
	done    chan struct{}
	flush   func([]sample)
}

func newStatsRecorder(flush func([]sample)) *statsRecorder {
	r := &statsRecorder{samples: make(chan sample, 128), done: make(chan struct{}), flush: flush}
	go r.run()
	return r
}

func (r *statsRecorder) run() {
	batch := make([]sample, 0, 64)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case s := <-r.samples:
			batch = append(batch, s)
		case <-tick.C:
			if len(batch) > 0 {
				r.flush(batch)
				batch = make([]sample, 0, 64)
			}
		case <-r.done:
			return
		}
	}
}

func (r *statsRecorder) observe(s sample) {
	select {
	case r.samples <- s:
	default:
		r.dropped.Add(1)
	}
}

func (r *statsRecorder) stop() { close(r.done) }

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func withStats(rec *statsRecorder, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(sw, req)
		rec.observe(sample{path: req.URL.Path, status: sw.code, latency: time.Since(start)})
	})
}
