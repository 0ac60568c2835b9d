// Package b3_crawl_levels crawls a site breadth first, one level at a time,
// with a bounded number of concurrent fetches per level.
package b3_crawl_levels

import (
	"errors"
	"sync"
)

type Page struct {
	URL   string
	Links []string
}

type outcome struct {
	url  string
	page Page
	err  error
}

type Fetcher interface {
	Fetch(url string) (Page, error)
}

type Crawler struct {
	f        Fetcher
	parallel int
	maxDepth int
}

func NewCrawler(f Fetcher, parallel, maxDepth int) *Crawler {
	return &Crawler{f: f, parallel: max(parallel, 1), maxDepth: maxDepth}
}

type Result struct {
	Pages  []Page
	Failed []string
}

func (c *Crawler) Crawl(seed string) Result {
	pages := make(chan Page)
	failed := make(chan string)
	var res Result
	var collectors sync.WaitGroup
	collectors.Add(2)
	go func() {
		defer collectors.Done()
		for p := range pages {
			res.Pages = append(res.Pages, p)
		}
	}()
	go func() {
		defer collectors.Done()
		for u := range failed {
			res.Failed = append(res.Failed, u)
		}
	}()

	seen := map[string]bool{seed: true}
	level := []string{seed}
	for depth := 0; depth <= c.maxDepth && len(level) > 0; depth++ {
		level = c.crawlLevel(level, seen, pages, failed)
	}

	close(pages)
	close(failed)
	collectors.Wait()
	return res
}

// crawlLevel fetches one level and returns the unseen links it found.
func (c *Crawler) crawlLevel(urls []string, seen map[string]bool, pages chan<- Page, failed chan<- string) []string {
	done := make(chan outcome)
	go func() {
		var wg sync.WaitGroup
		sem := make(chan struct{}, c.parallel)
		for _, u := range urls {
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				p, err := c.f.Fetch(u)
				done <- outcome{url: u, page: p, err: err}
			}()
		}
		close(done) // BAD: closed as soon as the last fetch is started; up to c.parallel fetchers may still send on done
		wg.Wait()
	}()

	var next []string
	for o := range done {
		if o.err != nil {
			failed <- o.url
			continue
		}
		pages <- o.page
		for _, l := range o.page.Links {
			if !seen[l] {
				seen[l] = true
				next = append(next, l)
			}
		}
	}
	return next
}

var ErrNotFound = errors.New("not found")

type mapFetcher map[string][]string

func (m mapFetcher) Fetch(url string) (Page, error) {
	links, ok := m[url]
	if !ok {
		return Page{}, ErrNotFound
	}
	return Page{URL: url, Links: links}, nil
}
