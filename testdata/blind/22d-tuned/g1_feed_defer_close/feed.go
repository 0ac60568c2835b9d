// GOOD: Close only closes quit (which the poller receives from); the poller goroutine, the only sender, closes items itself via defer.
package g1_feed_defer_close

import (
	"context"
	"sync"
	"time"
)

// Item is one entry fetched from an upstream feed.
type Item struct {
	GUID  string
	Title string
}

// Fetcher retrieves the current feed contents.
type Fetcher interface {
	Fetch(ctx context.Context) ([]Item, error)
}

// Subscription polls a Fetcher and delivers new items on Updates().
type Subscription struct {
	fetcher  Fetcher
	items    chan Item
	quit     chan struct{}
	quitOnce sync.Once
}

// Subscribe starts polling f every period.
func Subscribe(f Fetcher, period time.Duration) *Subscription {
	s := &Subscription{
		fetcher: f,
		items:   make(chan Item),
		quit:    make(chan struct{}),
	}
	go s.loop(period)
	return s
}

// Updates is closed once the subscription has fully stopped.
func (s *Subscription) Updates() <-chan Item { return s.items }

func (s *Subscription) loop(period time.Duration) {
	defer close(s.items)
	seen := make(map[string]bool)
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		ctx, cancel := context.WithTimeout(context.Background(), period)
		batch, err := s.fetcher.Fetch(ctx)
		cancel()
		if err == nil {
			for _, it := range batch {
				if seen[it.GUID] {
					continue
				}
				seen[it.GUID] = true
				select {
				case s.items <- it:
				case <-s.quit:
					return
				}
			}
		}
		select {
		case <-t.C:
		case <-s.quit:
			return
		}
	}
}

// Close asks the poller to stop; Updates is closed by the poller when it exits.
func (s *Subscription) Close() error {
	s.quitOnce.Do(func() {
		close(s.quit)
	})
	return nil
}
