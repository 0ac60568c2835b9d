package heartbeat

import (
	"context"
	"log"
	"time"
)

// Pinger reports liveness to a coordinator.
type Pinger interface {
	Ping(ctx context.Context, node string) error
}

// Heartbeat pings the coordinator periodically until closed.
type Heartbeat struct {
	node   string
	p      Pinger
	every  time.Duration
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	misses int
}

// Start launches the heartbeat loop.
func Start(parent context.Context, node string, p Pinger, every time.Duration) *Heartbeat {
	ctx, cancel := context.WithCancel(parent)
	h := &Heartbeat{
		node:   node,
		p:      p,
		every:  every,
		ctx:    ctx,
		cancel: cancel,
		done:   make(chan struct{}),
	}
	go h.run()
	return h
}

func (h *Heartbeat) run() {
	defer close(h.done)
	t := time.NewTicker(h.every)
	defer t.Stop()
	for {
		select {
		case <-h.ctx.Done():
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(h.ctx, h.every/2)
			err := h.p.Ping(ctx, h.node)
			cancel()
			if err != nil {
				h.misses++
				log.Printf("heartbeat %s: %v (misses=%d)", h.node, err, h.misses)
				continue
			}
			h.misses = 0
		}
	}
}

// Close stops the loop and waits for it to exit.
func (h *Heartbeat) Close() error {
	h.cancel()
	<-h.done
	return nil
}
