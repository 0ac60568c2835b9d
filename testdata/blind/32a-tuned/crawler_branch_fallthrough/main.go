// BAD: crawlLevel starts one goroutine per URL when the frontier is large, then falls through
// and bumps c.depth without c.mu before wg.Wait; the visitors read c.depth under c.mu.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Page struct {
	URL   string
	Depth int
}

// Crawler walks an in-memory link graph breadth first.
type Crawler struct {
	mu       sync.Mutex
	depth    int
	maxDepth int
	seen     map[string]bool
	pages    []Page
	links    map[string][]string
}

func NewCrawler(links map[string][]string, maxDepth int) *Crawler {
	return &Crawler{links: links, maxDepth: maxDepth, seen: make(map[string]bool)}
}

// visit records u and appends its unseen out-links to next.
func (c *Crawler) visit(u string, next *[]string) {
	out := c.links[u]

	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages = append(c.pages, Page{URL: u, Depth: c.depth})
	if c.depth >= c.maxDepth {
		return
	}
	for _, l := range out {
		if !c.seen[l] {
			c.seen[l] = true
			*next = append(*next, l)
		}
	}
}

func (c *Crawler) crawlLevel(frontier []string) []string {
	var next []string
	var wg sync.WaitGroup
	if len(frontier) > 1 {
		for _, u := range frontier {
			wg.Add(1)
			go func(u string) {
				defer wg.Done()
				c.visit(u, &next)
			}(u)
		}
	} else {
		for _, u := range frontier {
			c.visit(u, &next)
		}
	}
	c.depth++ // want "without holding|races with|no lock"
	wg.Wait()
	return next
}

func (c *Crawler) Crawl(seeds []string) []Page {
	c.mu.Lock()
	for _, s := range seeds {
		c.seen[s] = true
	}
	c.mu.Unlock()

	frontier := seeds
	for len(frontier) > 0 {
		frontier = c.crawlLevel(frontier)
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	pages := append([]Page(nil), c.pages...)
	sort.Slice(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	return pages
}

func main() {
	graph := map[string][]string{
		"/":          {"/docs", "/blog", "/about"},
		"/docs":      {"/docs/start", "/docs/api"},
		"/blog":      {"/blog/2024", "/"},
		"/docs/api":  {"/docs/api/v2"},
		"/blog/2024": {"/blog/2024/go"},
	}
	c := NewCrawler(graph, 2)
	for _, p := range c.Crawl([]string{"/"}) {
		fmt.Printf("%s%s\n", strings.Repeat("  ", p.Depth), p.URL)
	}
}
