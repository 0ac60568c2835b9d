package migrate

import (
	"context"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Event reports migration progress to the caller.
type Event struct {
	Table string
	Rows  int64
	Done  bool
}

// Copier copies one table and reports the number of rows copied.
type Copier interface {
	Copy(ctx context.Context, table string, progress func(n int64)) error
}

// Run copies every table concurrently and streams events to the returned
// channel, which is closed when the migration is over.
func Run(ctx context.Context, c Copier, tables []string, every time.Duration) (<-chan Event, <-chan error) {
	events := make(chan Event, len(tables))
	errc := make(chan error, 1)
	g, ctx := errgroup.WithContext(ctx)
	var copied atomic.Int64

	for _, t := range tables {
		g.Go(func() error {
			err := c.Copy(ctx, t, func(n int64) { copied.Add(n) })
			if err != nil {
				return err
			}
			select {
			case events <- Event{Table: t, Done: true}:
			case <-ctx.Done():
			}
			return nil
		})
	}

	// Periodic progress report with the running total.
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				events <- Event{Table: "*", Rows: copied.Load()}
			}
		}
	}()

	go func() {
		errc <- g.Wait()
		close(events)
	}()
	return events, errc
}
