package ss_bad_ingestcount

import (
	"fmt"
	"testing"
	"time"
)

func TestConcurrentIngest(t *testing.T) {
	sink := NewMemorySink()
	var events []Event
	for i := 0; i < 50; i++ {
		events = append(events, Event{
			Source: fmt.Sprintf("web-%d/access.log", i%5),
			Body:   fmt.Sprintf("GET /item/%d 200", i),
		})
	}

	for _, ev := range events {
		go func() {
			if err := sink.Ingest(ev); err != nil {
				t.Error(err)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond) // WANT sleepsync

	if got := sink.Count(); got != len(events) {
		t.Fatalf("stored %d events, want %d", got, len(events))
	}
	if got := sink.Hosts(); got != 5 {
		t.Fatalf("saw %d hosts, want 5", got)
	}
}
