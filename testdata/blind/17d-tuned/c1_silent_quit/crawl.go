package crawler

import (
	"context"
	"io"
	"net/http"
)

type page struct {
	url  string
	size int
	err  error
}

type Crawler struct {
	g      *group
	client *http.Client
}

func New() *Crawler {
	return &Crawler{g: newGroup(), client: http.DefaultClient}
}

func (c *Crawler) Fetch(ctx context.Context, url string) (int, error) {
	res := make(chan page)
	c.g.launch("fetch", func() {
		p := page{url: url}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err == nil {
			var resp *http.Response
			resp, err = c.client.Do(req)
			if err == nil {
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				p.size = int(n)
			}
		}
		p.err = err
		select {
		case res <- p:
		case <-c.g.done:
		case <-ctx.Done():
		}
	})
	select {
	case p := <-res:
		return p.size, p.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func (c *Crawler) Close() { c.g.shutdown() }
