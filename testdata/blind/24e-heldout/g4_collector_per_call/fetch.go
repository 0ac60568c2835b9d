// Correct: FetchAll and FirstOK each build their own collector and close its results channel only after all of that collector's fetch goroutines have finished.
package g4_collector_per_call

import (
	"errors"
	"sync"
)

// Result is the outcome of fetching one URL.
type Result struct {
	URL  string
	Body string
	Err  error
}

var errNoneOK = errors.New("no URL succeeded")

type collector struct {
	results chan Result
	wg      sync.WaitGroup
}

func newCollector(capacity int) *collector {
	return &collector{results: make(chan Result, capacity)}
}

func (c *collector) start(urls []string, fetch func(string) (string, error)) {
	for _, u := range urls {
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			body, err := fetch(u)
			c.results <- Result{URL: u, Body: body, Err: err}
		}()
	}
}

// closeWhenDone closes results once every fetch goroutine has sent.
func (c *collector) closeWhenDone() {
	c.wg.Wait()
	close(c.results)
}

// FetchAll fetches every URL concurrently and returns all results.
func FetchAll(urls []string, fetch func(string) (string, error)) []Result {
	c := newCollector(0)
	c.start(urls, fetch)
	go c.closeWhenDone()

	out := make([]Result, 0, len(urls))
	for r := range c.results {
		out = append(out, r)
	}
	return out
}

// FirstOK returns the first successful result. The results channel is sized
// so the remaining fetchers never block after we stop reading.
func FirstOK(urls []string, fetch func(string) (string, error)) (Result, error) {
	c := newCollector(len(urls))
	c.start(urls, fetch)
	defer func() { go c.closeWhenDone() }()

	for range urls {
		if r := <-c.results; r.Err == nil {
			return r, nil
		}
	}
	return Result{}, errNoneOK
}
