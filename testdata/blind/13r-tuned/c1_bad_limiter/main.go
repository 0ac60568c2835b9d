package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

const maxInFlight = 4

// Crawler fetches pages and records which URLs it has seen.
type Crawler struct {
	slots   chan struct{}
	visited map[string]bool
	pages   []string
	errs    int
	fetch   func(url string) (string, error)
}

func NewCrawler(fetch func(string) (string, error)) *Crawler {
	return &Crawler{
		slots:   make(chan struct{}, maxInFlight),
		visited: make(map[string]bool),
		fetch:   fetch,
	}
}

// Visit fetches url unless it has been seen already.
func (c *Crawler) Visit(url string) {
	c.slots <- struct{}{}
	defer func() { <-c.slots }()

	if c.visited[url] {
		return
	}
	c.visited[url] = true
	body, err := c.fetch(url)
	if err != nil {
		c.errs++
		return
	}
	c.pages = append(c.pages, body)
}

func (c *Crawler) Run(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Visit(u)
		}()
	}
	wg.Wait()
}

func fakeFetch(url string) (string, error) {
	time.Sleep(time.Millisecond)
	if strings.HasSuffix(url, "/404") {
		return "", fmt.Errorf("not found: %s", url)
	}
	return "<html>" + url + "</html>", nil
}

func main() {
	c := NewCrawler(fakeFetch)
	var urls []string
	for i := 0; i < 40; i++ {
		urls = append(urls, fmt.Sprintf("https://example.com/p%d", i%25))
	}
	urls = append(urls, "https://example.com/404")
	c.Run(urls)
	fmt.Println(len(c.pages), c.errs)
}
