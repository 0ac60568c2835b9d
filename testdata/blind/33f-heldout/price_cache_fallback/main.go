// BAD: Quote starts a fetch goroutine that sends on an unbuffered channel and, when
// waitFor times out, returns the cached price to its caller; the fetcher is left
// blocked forever on its send in a perfectly normal run.
package pricing

import (
	"errors"
	"sync"
	"time"
)

// Fetcher loads a fresh price from an upstream feed.
type Fetcher interface {
	Fetch(symbol string) (float64, error)
}

type quoteResult struct {
	price float64
	err   error
}

// Cache serves prices, falling back to the last known value when upstream is slow.
type Cache struct {
	mu      sync.Mutex
	last    map[string]float64
	fetcher Fetcher
	timeout time.Duration
}

// NewCache builds a Cache around f.
func NewCache(f Fetcher, timeout time.Duration) *Cache {
	return &Cache{
		last:    make(map[string]float64),
		fetcher: f,
		timeout: timeout,
	}
}

// waitFor returns the next value from ch, or the zero value and false after d.
func waitFor[T any](ch <-chan T, d time.Duration) (T, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		var zero T
		return zero, false
	}
}

var errNoPrice = errors.New("pricing: no price available")

// Quote returns a fresh price when upstream answers in time and the cached one otherwise.
func (c *Cache) Quote(symbol string) (float64, error) {
	results := make(chan quoteResult) // want "blocks forever"
	go func() {
		p, err := c.fetcher.Fetch(symbol)
		results <- quoteResult{price: p, err: err}
	}()

	res, ok := waitFor(results, c.timeout)
	if !ok {
		return c.cached(symbol)
	}
	if res.err != nil {
		return c.cached(symbol)
	}
	c.store(symbol, res.price)
	return res.price, nil
}

func (c *Cache) cached(symbol string) (float64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.last[symbol]
	if !ok {
		return 0, errNoPrice
	}
	return p, nil
}

func (c *Cache) store(symbol string, p float64) {
	c.mu.Lock()
	c.last[symbol] = p
	c.mu.Unlock()
}
