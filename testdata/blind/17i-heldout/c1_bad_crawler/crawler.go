package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
)

type Result struct {
	URL    string
	Status int
	Err    error
}

// Crawler fetches pages with a fixed number of fetchers; a seeder
// periodically re-enqueues the sitemap roots.
type Crawler struct {
	roots    []string
	fetchers int

	queue   chan string
	results chan Result
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func NewCrawler(roots []string, fetchers int) *Crawler {
	return &Crawler{
		roots:    roots,
		fetchers: fetchers,
		queue:    make(chan string, 64),
		results:  make(chan Result, 64),
	}
}

func (c *Crawler) Start(ctx context.Context) {
	ctx, c.cancel = context.WithCancel(ctx)
	for i := 0; i < c.fetchers; i++ {
		c.wg.Add(1)
		go c.fetcher(ctx)
	}
	go c.seeder(ctx)
}

func (c *Crawler) fetcher(ctx context.Context) {
	defer c.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case u := <-c.queue:
			c.results <- fetch(u)
		}
	}
}

// seeder pushes the roots into the queue and reports any root that does
// not parse directly as a failed result.
func (c *Crawler) seeder(ctx context.Context) {
	for ctx.Err() == nil {
		for _, r := range c.roots {
			if _, err := url.Parse(r); err != nil || !strings.HasPrefix(r, "http") {
				c.results <- Result{URL: r, Err: fmt.Errorf("bad root %q", r)}
				continue
			}
			select {
			case c.queue <- r:
			default:
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func fetch(u string) Result {
	time.Sleep(time.Millisecond)
	return Result{URL: u, Status: 200}
}

func (c *Crawler) Results() <-chan Result { return c.results }

// Stop cancels the crawl, waits for in-flight fetches and ends Results.
func (c *Crawler) Stop() {
	c.cancel()
	c.wg.Wait()
	close(c.results)
}

func main() {
	c := NewCrawler([]string{"https://example.com/", "ftp-mirror"}, 4)
	c.Start(context.Background())
	go func() {
		time.Sleep(30 * time.Millisecond)
		c.Stop()
	}()
	n := 0
	for r := range c.Results() {
		if r.Err != nil {
			fmt.Println("error:", r.Err)
		}
		n++
	}
	fmt.Println("results:", n)
}
