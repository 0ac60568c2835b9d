package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Event is an audit event as received from an API handler.
type Event struct {
	Actor  string
	Action string
	At     time.Time
}

// AuditTrail enriches and records events in the background, one batch at a
// time, so that records keep arrival order.
type AuditTrail struct {
	turn    chan struct{}
	records []string
	dropped int
}

func NewAuditTrail() *AuditTrail {
	return &AuditTrail{turn: make(chan struct{}, 1)}
}

func redact(actor string) string {
	if i := strings.IndexByte(actor, '@'); i > 1 {
		return actor[:1] + "***" + actor[i:]
	}
	return actor
}

// RecordBatch hands a batch of events to a background goroutine.
func (a *AuditTrail) RecordBatch(events []Event) {
	a.turn <- struct{}{}
	go func() {
		defer func() { <-a.turn }()
		for _, e := range events {
			if e.Action == "" {
				a.dropped++
				continue
			}
			b, err := json.Marshal(map[string]string{
				"actor":  redact(e.Actor),
				"action": e.Action,
				"at":     e.At.UTC().Format(time.RFC3339),
			})
			if err != nil {
				a.dropped++
				continue
			}
			a.records = append(a.records, string(b))
		}
	}()
}

// Drain waits for the batch in progress, then hands back everything recorded
// so far and starts a fresh list.
func (a *AuditTrail) Drain() ([]string, int) {
	a.turn <- struct{}{}
	defer func() { <-a.turn }()
	out, dropped := a.records, a.dropped
	a.records = nil
	a.dropped = 0
	return out, dropped
}

func main() {
	trail := NewAuditTrail()
	now := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i < 4; i++ {
		batch := []Event{
			{Actor: "alice@example.com", Action: "login", At: now},
			{Actor: "bob@example.com", Action: "", At: now},
			{Actor: "carol@example.com", Action: fmt.Sprintf("delete-%d", i), At: now},
		}
		trail.RecordBatch(batch)
		if i%2 == 1 {
			recs, dropped := trail.Drain()
			fmt.Printf("drained %d records, %d dropped\n", len(recs), dropped)
			for _, r := range recs {
				fmt.Println("  ", r)
			}
		}
	}
}
