// GOOD: the sleep inside the launch loop paces requests to respect the upstream rate limit;
// the fetch goroutines are joined through the results channel before anything is returned.
package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

type fetchResult struct {
	url    string
	status int
	err    error
}

// Crawler fetches URLs no faster than a fixed rate.
type Crawler struct {
	perSecond int
	fetch     func(url string) (int, error)
}

// NewCrawler builds a crawler limited to perSecond requests per second.
func NewCrawler(perSecond int, fetch func(string) (int, error)) *Crawler {
	if perSecond <= 0 {
		perSecond = 1
	}
	return &Crawler{perSecond: perSecond, fetch: fetch}
}

// CrawlAll fetches every URL and returns the status codes keyed by URL.
func (c *Crawler) CrawlAll(urls []string) (map[string]int, error) {
	interval := time.Second / time.Duration(c.perSecond)
	results := make(chan fetchResult, len(urls))

	for i, u := range urls {
		if i > 0 {
			time.Sleep(interval) // rate limit between request launches
		}
		go func(u string) {
			status, err := c.fetch(u)
			results <- fetchResult{url: u, status: status, err: err}
		}(u)
	}

	statuses := make(map[string]int, len(urls))
	var errs []error
	for range urls {
		r := <-results
		if r.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.url, r.err))
			continue
		}
		statuses[r.url] = r.status
	}
	return statuses, errors.Join(errs...)
}

func fakeFetch(url string) (int, error) {
	time.Sleep(15 * time.Millisecond)
	switch {
	case strings.HasSuffix(url, "/missing"):
		return 404, nil
	case strings.HasPrefix(url, "ftp:"):
		return 0, errors.New("unsupported scheme")
	default:
		return 200, nil
	}
}

func main() {
	c := NewCrawler(20, fakeFetch)
	statuses, err := c.CrawlAll([]string{
		"https://example.com/",
		"https://example.com/missing",
		"ftp://example.com/pub",
		"https://example.com/docs",
	})
	for u, s := range statuses {
		fmt.Printf("%3d %s\n", s, u)
	}
	if err != nil {
		fmt.Println("errors:", err)
	}
}
