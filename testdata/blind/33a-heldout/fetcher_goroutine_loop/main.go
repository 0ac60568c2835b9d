// GOOD: the fetch goroutines send on f.resCh under f.mu only when f.want is true, which only Next sets in its locked
// section right before unlocking and receiving; a goroutine that sends clears it first, and otherwise it parks the result in the backlog.
package main

import (
	"fmt"
	"sync"
	"time"
)

type result struct {
	index int
	url   string
	size  int
}

// Fetcher downloads URLs concurrently and yields results in completion order.
type Fetcher struct {
	mu      sync.Mutex
	want    bool
	backlog []result
	pending int
	resCh   chan result
}

func NewFetcher() *Fetcher {
	return &Fetcher{resCh: make(chan result)}
}

func download(url string) int {
	time.Sleep(time.Duration(len(url)%3) * time.Millisecond)
	return len(url) * 100
}

func (f *Fetcher) Start(urls []string) {
	f.mu.Lock()
	f.pending += len(urls)
	f.mu.Unlock()
	for i, u := range urls {
		go func(i int, u string) {
			r := result{index: i, url: u, size: download(u)}
			f.mu.Lock()
			defer f.mu.Unlock()
			if !f.want {
				f.backlog = append(f.backlog, r)
				return
			}
			f.want = false
			f.resCh <- r
		}(i, u)
	}
}

// Next returns the next finished download, or false when all are done.
// Like an iterator, it must be called from a single goroutine.
func (f *Fetcher) Next() (result, bool) {
	f.mu.Lock()
	if f.pending == 0 {
		f.mu.Unlock()
		return result{}, false
	}
	f.pending--
	if len(f.backlog) > 0 {
		r := f.backlog[0]
		f.backlog = f.backlog[1:]
		f.mu.Unlock()
		return r, true
	}
	f.want = true
	f.mu.Unlock()
	return <-f.resCh, true
}

func main() {
	f := NewFetcher()
	f.Start([]string{"https://a.example", "https://bb.example", "https://ccc.example"})
	for {
		r, ok := f.Next()
		if !ok {
			break
		}
		fmt.Printf("#%d %s: %d bytes\n", r.index, r.url, r.size)
	}
}
