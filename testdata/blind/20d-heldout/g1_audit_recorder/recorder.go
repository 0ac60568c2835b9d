// Correct: every Record call registers on r.active (under mu, before sending) and Close waits on it before closing r.events, then waits for the writer.
package g1_audit_recorder

import (
	"encoding/json"
	"errors"
	"io"
	"sync"
	"time"
)

var ErrClosed = errors.New("audit: recorder closed")

type Event struct {
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Target string    `json:"target"`
	When   time.Time `json:"when"`
}

// Recorder appends audit events to a log through one writer goroutine.
type Recorder struct {
	mu     sync.Mutex
	closed bool
	active sync.WaitGroup

	events chan Event
	done   chan struct{}
	werr   error
}

func NewRecorder(w io.Writer) *Recorder {
	r := &Recorder{
		events: make(chan Event, 32),
		done:   make(chan struct{}),
	}
	go r.writeLoop(json.NewEncoder(w))
	return r
}

func (r *Recorder) writeLoop(enc *json.Encoder) {
	defer close(r.done)
	for ev := range r.events {
		if err := enc.Encode(ev); err != nil && r.werr == nil {
			r.werr = err
		}
	}
}

// Record is safe for concurrent use by request handlers.
func (r *Recorder) Record(actor, action, target string) error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return ErrClosed
	}
	r.active.Add(1)
	r.mu.Unlock()
	defer r.active.Done()

	r.events <- Event{Actor: actor, Action: action, Target: target, When: time.Now()}
	return nil
}

// Close rejects new events, waits for in-flight Record calls, then drains.
func (r *Recorder) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return ErrClosed
	}
	r.closed = true
	r.mu.Unlock()

	r.active.Wait()
	close(r.events)
	<-r.done
	return r.werr
}
