package audit

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"time"
)

type Event struct {
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	At     time.Time `json:"at"`
}

type lifecycle struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func (l *lifecycle) SignalAndWait() {
	l.cancel()
	l.wg.Wait()
}

type writer struct {
	events chan Event
	enc    *json.Encoder
	life   *lifecycle
}

func (w *writer) run(ctx context.Context) {
	defer w.life.wg.Done()
	for {
		select {
		case ev := <-w.events:
			w.enc.Encode(ev)
		case <-ctx.Done():
			close(w.events)
			for ev := range w.events {
				w.enc.Encode(ev)
			}
			return
		}
	}
}

// Log appends audit events as JSON lines.
type Log struct {
	mu     sync.Mutex
	w      *writer
	closed bool
}

func Open(dst io.Writer) *Log {
	ctx, cancel := context.WithCancel(context.Background())
	w := &writer{
		events: make(chan Event, 16),
		enc:    json.NewEncoder(dst),
		life:   &lifecycle{cancel: cancel},
	}
	w.life.wg.Add(1)
	go w.run(ctx)
	return &Log{w: w}
}

func (l *Log) Record(actor, action string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.w.events <- Event{Actor: actor, Action: action, At: time.Now()}
}

func (l *Log) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	l.w.life.SignalAndWait()
	l.closed = true
}
