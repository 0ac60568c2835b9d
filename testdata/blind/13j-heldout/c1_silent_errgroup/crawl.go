package crawl

import (
	"context"
	"fmt"
	"sort"

	"golang.org/x/sync/errgroup"
)

// Page is a fetched document.
type Page struct {
	URL    string
	Status int
	Body   []byte
}

// Fetcher retrieves a single URL.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (Page, error)
}

// Options tune a crawl.
type Options struct {
	Parallel int
}

// FetchAll fetches every URL with bounded parallelism and returns the pages
// sorted by URL. The first failure cancels the remaining fetches.
func FetchAll(ctx context.Context, f Fetcher, urls []string, opt Options) ([]Page, error) {
	if opt.Parallel <= 0 {
		opt.Parallel = 4
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(opt.Parallel)
	pages := make(chan Page)

	// The launcher queues every fetch, then waits for the group before
	// closing the result stream.
	errc := make(chan error, 1)
	go func() {
		for _, u := range urls {
			g.Go(func() error {
				p, err := f.Fetch(ctx, u)
				if err != nil {
					return fmt.Errorf("fetch %s: %w", u, err)
				}
				select {
				case pages <- p:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
		}
		errc <- g.Wait()
		close(pages)
	}()

	var out []Page
	for p := range pages {
		out = append(out, p)
	}
	if err := <-errc; err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}
