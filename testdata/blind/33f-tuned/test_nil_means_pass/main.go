// BAD: recvTimeout returns nil when no error arrives in time, and the test treats
// that as "healthy" and returns; the Run goroutine later finishes and blocks forever
// sending its result on the unbuffered channel nobody reads any more.
package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Event is one line from the ingest stream.
type Event struct {
	Source string
	Body   string
}

// Ingester validates a batch of events, pausing between them to respect a rate.
type Ingester struct {
	Pause    time.Duration
	accepted []Event
}

var errBadEvent = errors.New("ingest: malformed event")

// Run validates every event and returns the first error.
func (in *Ingester) Run(events []Event) error {
	for _, ev := range events {
		if ev.Source == "" || strings.TrimSpace(ev.Body) == "" {
			return fmt.Errorf("%w: %+v", errBadEvent, ev)
		}
		in.accepted = append(in.accepted, ev)
		time.Sleep(in.Pause)
	}
	return nil
}

func main() {
	in := &Ingester{Pause: time.Millisecond}
	err := in.Run([]Event{{Source: "web", Body: "signup"}, {Source: "api", Body: "refund"}})
	fmt.Println("accepted:", len(in.accepted), "err:", err)
}
