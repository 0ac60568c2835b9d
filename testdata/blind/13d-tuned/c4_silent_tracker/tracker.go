package inventory

import "sync"

// Tracker keeps stock levels up to date from a change feed.
//
// Stock, Reserve and Close are called serially by the owner; change
// callbacks arrive from the feed poller at any time until Close.
type Tracker struct {
	mu    sync.Mutex
	stock map[string]int

	feed *poller
}

func NewTracker(src <-chan change, initial map[string]int) *Tracker {
	t := &Tracker{stock: make(map[string]int, len(initial))}
	for k, v := range initial {
		t.stock[k] = v
	}
	t.feed = startPoller(src, t.applyChange)
	return t
}

func (t *Tracker) applyChange(sku string, delta int) {
	t.mu.Lock()
	t.stock[sku] += delta
	t.mu.Unlock()
}

func (t *Tracker) Stock(sku string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.stock[sku]
}

func (t *Tracker) Reserve(sku string, n int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stock[sku] < n {
		return false
	}
	t.stock[sku] -= n
	return true
}

func (t *Tracker) Close() {
	t.feed.Close()
	t.stock = nil
}
