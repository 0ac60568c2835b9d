package main

import (
	"fmt"
	"strings"
	"sync"
)

// site is a tiny in-memory link graph used instead of real HTTP.
var site = map[string][]string{
	"/":          {"/docs", "/blog"},
	"/docs":      {"/docs/intro", "/docs/api"},
	"/blog":      {"/blog/2024", "/blog/2025"},
	"/docs/api":  {"/docs/api/v1", "/docs/api/v2"},
	"/blog/2025": {"/blog/2025/go"},
}

type crawler struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	seen map[string]bool
}

func (c *crawler) visit(url string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen[url] {
		return false
	}
	c.seen[url] = true
	return true
}

// crawl processes one page; its caller has already counted it.
func (c *crawler) crawl(url string, depth int) {
	if depth == 0 || !c.visit(url) {
		c.wg.Done()
		return
	}
	links := site[url]
	// The page itself is finished once its links are known.
	c.wg.Done()
	for _, link := range links {
		c.wg.Add(1)
		go c.crawl(link, depth-1)
	}
}

func main() {
	c := &crawler{seen: make(map[string]bool)}
	c.wg.Add(1)
	go c.crawl("/", 4)
	c.wg.Wait()

	c.mu.Lock()
	var pages []string
	for p := range c.seen {
		pages = append(pages, p)
	}
	c.mu.Unlock()
	fmt.Println(len(pages), "pages:", strings.Join(pages, " "))
}
