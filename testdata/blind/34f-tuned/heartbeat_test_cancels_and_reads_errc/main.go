// GOOD: Run registers itself with h.wg.Add(1) inside the goroutine the test starts,
// but the only program that drives it (the test) never calls Drain or anything else
// that Waits on h.wg; it cancels the context and reads Run's result from a channel,
// so there is no Wait for the Add to race with.
package heartbeat

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Beater sends periodic heartbeats to a peer.
type Beater struct {
	interval time.Duration
	send     func(seq int) error

	mu   sync.Mutex
	sent int
	wg   sync.WaitGroup
}

func New(interval time.Duration, send func(seq int) error) *Beater {
	return &Beater{interval: interval, send: send}
}

// Run beats until ctx is done or a send fails.
func (h *Beater) Run(ctx context.Context) error {
	h.wg.Add(1)
	defer h.wg.Done()

	t := time.NewTicker(h.interval)
	defer t.Stop()
	for seq := 1; ; seq++ {
		select {
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.Canceled) {
				return nil
			}
			return ctx.Err()
		case <-t.C:
			if err := h.send(seq); err != nil {
				return err
			}
			h.mu.Lock()
			h.sent++
			h.mu.Unlock()
		}
	}
}

// Sent reports how many heartbeats were delivered.
func (h *Beater) Sent() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.sent
}

// Drain blocks until every Run that has started has returned.
func (h *Beater) Drain() {
	h.wg.Wait()
}
