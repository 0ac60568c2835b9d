// Package jobs polls a queue service for work and dispatches it.
package jobs

import (
	"context"
	"log"
	"time"
)

// Job is a unit of work pulled from the queue.
type Job struct {
	ID      string
	Payload []byte
}

// Queue is the remote queue API.
type Queue interface {
	Poll(ctx context.Context, max int) ([]Job, error)
	Ack(ctx context.Context, id string) error
}

// Poller pulls jobs from a Queue and hands them to a handler.
type Poller struct {
	q        Queue
	handle   func(context.Context, Job) error
	interval time.Duration
	batch    int
}

// NewPoller returns a Poller with default settings.
func NewPoller(q Queue, handle func(context.Context, Job) error) *Poller {
	return &Poller{q: q, handle: handle, interval: time.Second, batch: 10}
}

// Start runs the poll loop until ctx is cancelled.
func (p *Poller) Start(ctx context.Context) {
	go p.run(ctx)
}

func (p *Poller) run(ctx context.Context) {
	t := time.NewTicker(p.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			log.Printf("poller: shutting down: %v", ctx.Err())
			break
		case <-t.C:
			p.pollOnce(ctx)
		}
	}
}

func (p *Poller) pollOnce(ctx context.Context) {
	jobs, err := p.q.Poll(ctx, p.batch)
	if err != nil {
		log.Printf("poller: poll: %v", err)
		return
	}
	for _, j := range jobs {
		if err := p.handle(ctx, j); err != nil {
			log.Printf("poller: job %s: %v", j.ID, err)
			continue
		}
		if err := p.q.Ack(ctx, j.ID); err != nil {
			log.Printf("poller: ack %s: %v", j.ID, err)
		}
	}
}
