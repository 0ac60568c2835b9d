// Package merge combines several event feeds into one ordered-by-arrival stream.
package merge

import (
	"context"
	"sync"
)

// Event is one item from a feed.
type Event struct {
	Feed string
	Seq  int
	Body []byte
}

// Feed is a source of events.
type Feed interface {
	Name() string
	Next(ctx context.Context) (Event, error)
}

// Merger fans several feeds into one channel.
type Merger struct {
	feeds  []Feed
	out    chan Event
	errs   chan error
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// NewMerger returns a merger over feeds; call Run to start it.
func NewMerger(feeds ...Feed) *Merger {
	return &Merger{
		feeds: feeds,
		out:   make(chan Event),
		errs:  make(chan error, len(feeds)),
	}
}

// Events is the merged stream.
func (m *Merger) Events() <-chan Event { return m.out }

// Errors reports the first error of each feed.
func (m *Merger) Errors() <-chan error { return m.errs }

// Run starts one pump per feed.
func (m *Merger) Run(ctx context.Context) {
	ctx, m.cancel = context.WithCancel(ctx)
	m.wg.Add(len(m.feeds))
	for _, f := range m.feeds {
		go m.pump(ctx, f)
	}
}

func (m *Merger) pump(ctx context.Context, f Feed) {
	defer m.wg.Done()
	for {
		ev, err := f.Next(ctx)
		if err != nil {
			m.errs <- err
			return
		}
		select {
		case m.out <- ev:
		case <-ctx.Done():
			return
		}
	}
}

// Shutdown stops all pumps and closes the merged stream.
func (m *Merger) Shutdown() {
	m.cancel()
	close(m.out)
	m.wg.Wait()
	close(m.errs)
}
