package main

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Page is a fetched page with the links found on it.
type Page struct {
	URL   string
	Links []string
}

// LinkCollector crawls pages one after another in the background and
// collects the outbound links that point to other hosts.
type LinkCollector struct {
	host  string
	busy  chan struct{}
	links []string
	pages int
}

func NewLinkCollector(host string) *LinkCollector {
	return &LinkCollector{host: host, busy: make(chan struct{}, 1)}
}

func (c *LinkCollector) external(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false
	}
	return !strings.EqualFold(u.Host, c.host)
}

// Submit processes p after the previous page has been processed.
func (c *LinkCollector) Submit(p Page) {
	c.busy <- struct{}{}
	go func() {
		defer func() { <-c.busy }()
		time.Sleep(500 * time.Microsecond) // parse body
		for _, l := range p.Links {
			if c.external(l) {
				c.links = append(c.links, l)
			}
		}
		c.pages++
	}()
}

// Report returns a copy of the external links collected so far.
func (c *LinkCollector) Report() []string {
	out := make([]string, len(c.links))
	copy(out, c.links)
	fmt.Printf("%d pages crawled\n", c.pages)
	return out
}

func main() {
	c := NewLinkCollector("example.com")
	pages := []Page{
		{URL: "https://example.com/", Links: []string{"https://example.com/about", "https://golang.org/"}},
		{URL: "https://example.com/about", Links: []string{"https://github.com/example", "/contact"}},
		{URL: "https://example.com/blog", Links: []string{"https://pkg.go.dev/sync", "https://example.com/"}},
	}
	for _, p := range pages {
		c.Submit(p)
	}
	for _, l := range c.Report() {
		fmt.Println("external:", l)
	}
}
