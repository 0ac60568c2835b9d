// SILENT: the Sleep after each `go c.fetch` only spaces out request starts (politeness delay); the results map is read only after wg.Wait() has joined every fetch goroutine.
package ss_silent_politecrawl

import (
	"io"
	"net/http"
	"sync"
	"time"
)

type Page struct {
	URL    string
	Status int
	Size   int64
	Err    error
}

type Crawler struct {
	Client   *http.Client
	Delay    time.Duration
	Parallel int

	mu    sync.Mutex
	pages map[string]Page
}

func (c *Crawler) Crawl(urls []string) map[string]Page {
	c.pages = make(map[string]Page, len(urls))
	sem := make(chan struct{}, c.Parallel)
	var wg sync.WaitGroup
	for _, u := range urls {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			c.fetch(u)
		}()
		time.Sleep(c.Delay) // be polite to the origin
	}
	wg.Wait()
	return c.pages
}

func (c *Crawler) fetch(u string) {
	p := Page{URL: u}
	resp, err := c.Client.Get(u)
	if err != nil {
		p.Err = err
	} else {
		p.Status = resp.StatusCode
		p.Size, p.Err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	c.mu.Lock()
	c.pages[u] = p
	c.mu.Unlock()
}
