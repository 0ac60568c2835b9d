package scrape

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
)

var ErrShutdown = errors.New("scrape: fetcher shut down")

// Fetcher limits the number of concurrent HTTP fetches with a slot pool.
type Fetcher struct {
	mu     sync.Mutex
	slots  int
	closed bool
	client *http.Client
}

func NewFetcher(n int) *Fetcher {
	return &Fetcher{slots: n, client: &http.Client{}}
}

func (f *Fetcher) acquire() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return ErrShutdown
	}
	if f.slots == 0 {
		return errors.New("scrape: no free slot")
	}
	f.slots--
	return nil
}

func (f *Fetcher) release() {
	f.mu.Lock()
	f.slots++
	f.mu.Unlock()
}

func (f *Fetcher) Shutdown() {
	f.mu.Lock()
	f.closed = true
	f.mu.Unlock()
}

type page struct {
	body []byte
	err  error
}

// Fetch downloads url, giving up when ctx is done.
func (f *Fetcher) Fetch(ctx context.Context, url string) ([]byte, error) {
	got := make(chan page)
	go func() {
		defer func() { recover() }()
		var p page
		if p.err = f.acquire(); p.err == nil {
			defer f.release()
			var resp *http.Response
			if resp, p.err = f.client.Get(url); p.err == nil {
				p.body, p.err = io.ReadAll(resp.Body)
				resp.Body.Close()
			}
		}
		got <- p
	}()

	select {
	case p := <-got:
		return p.body, p.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
