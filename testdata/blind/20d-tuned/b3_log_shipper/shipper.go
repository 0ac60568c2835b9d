package b3_log_shipper

import (
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"time"
)

// Entry is one structured log line received from an agent.
type Entry struct {
	Host    string            `json:"host"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	Recv    time.Time         `json:"-"`
}

// Shipper accepts log entries over HTTP and forwards them to an io.Writer
// from a single background writer.
type Shipper struct {
	entries chan Entry
	pending sync.WaitGroup
	done    chan struct{}
	enc     *json.Encoder
}

func NewShipper(w io.Writer) *Shipper {
	s := &Shipper{
		entries: make(chan Entry, 128),
		done:    make(chan struct{}),
		enc:     json.NewEncoder(w),
	}
	go s.run()
	return s
}

func (s *Shipper) run() {
	defer close(s.done)
	for e := range s.entries {
		_ = s.enc.Encode(e)
	}
}

// ServeHTTP decodes a batch of entries and hands each one off without
// blocking the agent on the writer.
func (s *Shipper) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var batch []Entry
	if err := json.NewDecoder(r.Body).Decode(&batch); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	now := time.Now()
	for _, e := range batch {
		e.Recv = now
		go s.enqueue(e)
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Shipper) enqueue(e Entry) {
	s.pending.Add(1)
	defer s.pending.Done()
	s.entries <- e
}

// Close waits for queued entries to be handed off and flushes the writer.
func (s *Shipper) Close() {
	s.pending.Wait()
	close(s.entries) // BAD: pending.Add runs inside the enqueue goroutine, so Wait can return before a late sender registers
	<-s.done
}
