package prefetch

import (
	"context"
	"io"
	"net/http"
	"sync"
)

type Prefetcher struct {
	client *http.Client

	mu     sync.Mutex
	bodies map[string][]byte
}

func New(client *http.Client) *Prefetcher {
	return &Prefetcher{client: client, bodies: make(map[string][]byte)}
}

// Warm starts fetching urls in the background. The fetches and the
// bookkeeping goroutine stop when ctx is cancelled; the caller owns ctx
// and must cancel it when it no longer needs the prefetched data.
func (p *Prefetcher) Warm(ctx context.Context, urls []string) {
	for _, u := range urls {
		go p.fetch(ctx, u)
	}
	go func() {
		<-ctx.Done()
		p.mu.Lock()
		clear(p.bodies)
		p.mu.Unlock()
	}()
}

func (p *Prefetcher) fetch(ctx context.Context, url string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return
	}
	p.mu.Lock()
	p.bodies[url] = b
	p.mu.Unlock()
}

func (p *Prefetcher) Get(url string) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, ok := p.bodies[url]
	return b, ok
}

func Render(parent context.Context, p *Prefetcher, urls []string) int {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	p.Warm(ctx, urls)
	n := 0
	for _, u := range urls {
		if _, ok := p.Get(u); ok {
			n++
		}
	}
	return n
}
