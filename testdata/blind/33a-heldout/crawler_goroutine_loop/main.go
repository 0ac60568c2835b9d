// BAD: each fetch goroutine started in Start's loop sends on c.resultCh while holding c.mu; Collect locks c.mu in
// noteWaiting before every receive, so a goroutine that gets the lock first blocks on the send and Collect blocks on the Lock.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type page struct {
	url   string
	title string
	links int
}

type Crawler struct {
	mu       sync.Mutex
	seen     map[string]bool
	inFlight int
	waits    int
	resultCh chan page
}

func NewCrawler() *Crawler {
	return &Crawler{seen: make(map[string]bool), resultCh: make(chan page)}
}

func fetchTitle(url string) page {
	host := strings.TrimPrefix(url, "https://")
	return page{url: url, title: strings.ToUpper(host[:1]) + host[1:], links: len(host)}
}

// Start crawls every URL concurrently.
func (c *Crawler) Start(urls []string) int {
	started := 0
	for _, u := range urls {
		c.mu.Lock()
		if c.seen[u] {
			c.mu.Unlock()
			continue
		}
		c.seen[u] = true
		c.inFlight++
		c.mu.Unlock()
		started++

		go func(u string) {
			p := fetchTitle(u)
			c.mu.Lock()
			c.inFlight--
			c.resultCh <- p // want "while holding"
			c.mu.Unlock()
		}(u)
	}
	return started
}

func (c *Crawler) noteWaiting() {
	c.mu.Lock()
	c.waits++
	c.mu.Unlock()
}

// Collect gathers n results.
func (c *Crawler) Collect(n int) []page {
	out := make([]page, 0, n)
	for i := 0; i < n; i++ {
		c.noteWaiting()
		out = append(out, <-c.resultCh)
	}
	return out
}

func main() {
	c := NewCrawler()
	n := c.Start([]string{"https://go.dev", "https://pkg.go.dev", "https://go.dev"})
	for _, p := range c.Collect(n) {
		fmt.Printf("%-22s %-12s %d links\n", p.url, p.title, p.links)
	}
}
