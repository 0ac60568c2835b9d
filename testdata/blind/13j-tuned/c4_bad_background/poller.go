package poller

import (
	"context"
	"sync"
	"time"
)

// Status is the last observed state of a remote job.
type Status struct {
	State   string
	Updated time.Time
}

// Source reports the state of a job.
type Source interface {
	State(ctx context.Context, job string) (string, error)
}

// Poller watches one job and keeps its latest status.
type Poller struct {
	job    string
	src    Source
	ctx    context.Context
	ticker *time.Ticker

	mu   sync.Mutex
	last Status
}

// Watch starts polling job every interval.
func Watch(job string, src Source, interval time.Duration) *Poller {
	p := &Poller{
		job:    job,
		src:    src,
		ctx:    context.Background(),
		ticker: time.NewTicker(interval),
	}
	go p.loop()
	return p
}

func (p *Poller) loop() {
	for {
		select {
		case <-p.ctx.Done():
			return
		case now := <-p.ticker.C:
			st, err := p.src.State(p.ctx, p.job)
			if err != nil {
				continue
			}
			p.mu.Lock()
			p.last = Status{State: st, Updated: now}
			p.mu.Unlock()
		}
	}
}

// Last returns the most recent status.
func (p *Poller) Last() Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// Close stops polling.
func (p *Poller) Close() {
	p.ticker.Stop()
}
