// GOOD: SetInterval and SetJitter are plain configuration setters, and every call to them
// (in the constructor's option handling and in main) happens before Watch starts the
// heartbeat goroutine; nothing writes those fields once the goroutine is running.
package main

import (
	"context"
	"flag"
	"log"
	"math/rand"
	"os"
	"os/signal"
	"time"
)

// Heartbeat periodically reports liveness to a registry.
type Heartbeat struct {
	node     string
	interval time.Duration
	jitter   time.Duration
	send     func(node string, at time.Time) error
}

type Option func(*Heartbeat)

func WithInterval(d time.Duration) Option {
	return func(h *Heartbeat) { h.SetInterval(d) }
}

func NewHeartbeat(node string, send func(string, time.Time) error, opts ...Option) *Heartbeat {
	h := &Heartbeat{node: node, interval: 10 * time.Second, send: send}
	for _, opt := range opts {
		opt(h)
	}
	return h
}

// SetInterval sets the base heartbeat period. Call before Watch.
func (h *Heartbeat) SetInterval(d time.Duration) { h.interval = d }

// SetJitter sets the maximum random delay added to each beat. Call before Watch.
func (h *Heartbeat) SetJitter(d time.Duration) { h.jitter = d }

// Watch starts the heartbeat goroutine.
func (h *Heartbeat) Watch(ctx context.Context) {
	go h.beat(ctx)
}

func (h *Heartbeat) beat(ctx context.Context) {
	for {
		wait := h.interval
		if h.jitter > 0 {
			wait += time.Duration(rand.Int63n(int64(h.jitter)))
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		if err := h.send(h.node, time.Now()); err != nil {
			log.Printf("heartbeat %s: %v", h.node, err)
		}
	}
}

func main() {
	node := flag.String("node", "worker-1", "node name")
	every := flag.Duration("every", 5*time.Second, "heartbeat interval")
	jitter := flag.Duration("jitter", 0, "max jitter")
	flag.Parse()

	hb := NewHeartbeat(*node, func(n string, at time.Time) error {
		log.Printf("beat %s at %s", n, at.Format(time.RFC3339))
		return nil
	}, WithInterval(*every))
	if *jitter > 0 {
		hb.SetJitter(*jitter)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	hb.Watch(ctx)
	<-ctx.Done()
}
