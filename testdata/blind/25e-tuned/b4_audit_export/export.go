package b4_audit_export

import (
	"fmt"
	"log"
	"strings"
	"sync"
	"time"
)

// Event is one audit-log entry.
type Event struct {
	Actor  string
	Action string
	At     time.Time
}

// Exporter renders audit events into a report in the background.
type Exporter struct {
	mu      sync.Mutex
	exports int

	report   string
	finished bool
}

// NewExporter returns an empty Exporter.
func NewExporter() *Exporter { return &Exporter{} }

// traced runs fn while holding the exporter lock and logs how long it took.
func (e *Exporter) traced(name string, fn func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	fn()
	log.Printf("audit: %s took %s", name, time.Since(start))
}

func render(events []Event) string {
	var b strings.Builder
	for _, ev := range events {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", ev.At.Format(time.RFC3339), ev.Actor, ev.Action)
	}
	return b.String()
}

// Export renders events and returns the report if it is ready.
func (e *Exporter) Export(events []Event) (string, bool) {
	go func() { // BAD: stores e.report/e.finished; the traced callback only logs and counts, so nothing orders Export's read
		out := render(events)
		e.report = out
		e.finished = true
		e.traced("export", func() {
			e.exports++
			log.Printf("audit: exported %d events (%d bytes)", len(events), len(out))
		})
	}()

	// Let the exporter record a short summary before we look at the result.
	e.traced("summary", func() {
		log.Printf("audit: exporting %d events", len(events))
	})

	if !e.finished {
		return "", false
	}
	return e.report, true
}

// Count returns how many exports have completed.
func (e *Exporter) Count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.exports
}
