// GOOD: Configure writes e.url, e.interval and e.out, but it is the documented set-up
// step called only by NewExporter before the exporter is returned; the flush goroutine
// that reads those fields is started later by Start, so nothing races.
package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Exporter periodically writes collected spans to an output.
type Exporter struct {
	mu       sync.Mutex
	url      string
	interval time.Duration
	out      io.Writer
	spans    []string
	stop     chan struct{}
	stopped  chan struct{}
}

// NewExporter returns a configured, not yet started exporter.
func NewExporter(url string, out io.Writer) *Exporter {
	e := &Exporter{stop: make(chan struct{}), stopped: make(chan struct{})}
	e.Configure(url, 5*time.Millisecond, out)
	return e
}

// Configure sets up the exporter's destination and cadence. It is part of
// construction and is called by NewExporter; do not call it after Start.
func (e *Exporter) Configure(url string, interval time.Duration, out io.Writer) {
	if out == nil {
		out = os.Stdout
	}
	e.url = url
	e.interval = interval
	e.out = out
}

// Start launches the flush loop.
func (e *Exporter) Start() {
	go e.flushLoop()
}

func (e *Exporter) flushLoop() {
	defer close(e.stopped)
	t := time.NewTicker(e.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			e.flush()
		case <-e.stop:
			e.flush()
			return
		}
	}
}

func (e *Exporter) flush() {
	e.mu.Lock()
	batch := e.spans
	e.spans = nil
	e.mu.Unlock()
	if len(batch) > 0 {
		fmt.Fprintf(e.out, "POST %s (%d spans)\n", e.url, len(batch))
	}
}

// Record queues a finished span.
func (e *Exporter) Record(span string) {
	e.mu.Lock()
	e.spans = append(e.spans, span)
	e.mu.Unlock()
}

// Shutdown flushes what is left and stops the loop.
func (e *Exporter) Shutdown() {
	close(e.stop)
	<-e.stopped
}

func main() {
	e := NewExporter("http://collector:4318/v1/traces", os.Stdout)
	e.Start()
	for _, s := range []string{"GET /", "SELECT users", "render"} {
		e.Record(s)
	}
	time.Sleep(12 * time.Millisecond)
	e.Record("GET /healthz")
	e.Shutdown()
}
