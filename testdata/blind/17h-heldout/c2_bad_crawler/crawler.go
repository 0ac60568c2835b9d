package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type Page struct {
	URL   string
	Links []string
	Bytes int
}

type Stats struct {
	Pages int
	Bytes int
}

var site = map[string]string{
	"/":         "welcome <a /about> <a /blog>",
	"/about":    "about us <a />",
	"/blog":     "posts <a /blog/1> <a /blog/2>",
	"/blog/1":   "first post",
	"/blog/2":   "second post <a /blog/1>",
	"/contact":  "mail us",
	"/careers":  "we are hiring",
	"/pricing":  "plans <a /contact>",
	"/security": "report issues <a /contact>",
}

func fetch(url string) Page {
	time.Sleep(time.Millisecond)
	body := site[url]
	var links []string
	for _, f := range strings.Fields(body) {
		if strings.HasPrefix(f, "/") {
			links = append(links, strings.TrimSuffix(f, ">"))
		}
	}
	return Page{URL: url, Links: links, Bytes: len(body)}
}

func main() {
	urls := []string{"/", "/about", "/blog", "/pricing", "/security", "/careers"}
	pages := make([]Page, len(urls))
	fetched := make(chan Page, len(urls))

	var stats Stats
	go func() {
		for p := range fetched {
			stats.Pages++
			stats.Bytes += p.Bytes
		}
	}()

	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := fetch(u)
			pages[i] = p
			fetched <- p
		}()
	}

	time.Sleep(20 * time.Millisecond)
	wg.Wait()
	close(fetched)

	for _, p := range pages {
		fmt.Printf("%-10s links=%d\n", p.URL, len(p.Links))
	}
	fmt.Printf("crawled %d pages, %d bytes\n", stats.Pages, stats.Bytes)
}
