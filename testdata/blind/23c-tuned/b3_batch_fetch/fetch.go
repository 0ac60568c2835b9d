package b3_batch_fetch

import (
	"context"
	"fmt"
	"time"
)

// Item is one record returned by the inventory API.
type Item struct {
	SKU   string
	Count int
}

// Pager fetches one page of the listing; an empty next token means the end.
type Pager interface {
	Page(ctx context.Context, token string) (items []Item, next string, err error)
}

type result struct {
	items []Item
	err   error
}

// Fetcher lists the whole inventory with a per-call budget.
type Fetcher struct {
	pager   Pager
	timeout time.Duration
	backoff time.Duration
}

func NewFetcher(p Pager, timeout time.Duration) *Fetcher {
	return &Fetcher{pager: p, timeout: timeout, backoff: 50 * time.Millisecond}
}

// FetchAll pages through the listing in a background goroutine and returns
// the concatenated items.
func (f *Fetcher) FetchAll(parent context.Context) ([]Item, error) {
	ctx, cancel := context.WithTimeout(parent, f.timeout)
	defer cancel()

	out := make(chan result)
	go func() {
		var all []Item
		token := ""
		retries := 0
		for {
			select {
			case <-ctx.Done():
				return
			default:
			}
			items, next, err := f.pager.Page(ctx, token)
			if err != nil {
				if retries < 3 {
					retries++
					time.Sleep(f.backoff)
					continue
				}
				out <- result{err: fmt.Errorf("page %q: %w", token, err)}
				return
			}
			retries = 0
			all = append(all, items...)
			if next == "" {
				out <- result{items: all}
				return
			}
			token = next
		}
	}()

	res := <-out // BAD: when the deadline (or parent) fires, the pager goroutine returns via ctx.Done() without sending
	return res.items, res.err
}

// Totals sums counts per SKU.
func Totals(items []Item) map[string]int {
	m := make(map[string]int, len(items))
	for _, it := range items {
		m[it.SKU] += it.Count
	}
	return m
}
