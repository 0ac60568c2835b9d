package b2_crawler_pool

import (
	"errors"
	"sync"
)

// Fetcher downloads one URL.
type Fetcher func(url string) ([]byte, error)

var ErrStopped = errors.New("crawler: stopped")

// Crawler runs a fixed number of workers that pull URLs from a queue and
// keeps track of which workers are still active.
type Crawler struct {
	fetch Fetcher
	queue chan string
	quit  chan struct{}
	wg    sync.WaitGroup

	mu      sync.Mutex
	active  map[int]bool
	pages   map[string]int
	stopped bool
}

// New starts n workers.
func New(n int, fetch Fetcher) *Crawler {
	c := &Crawler{
		fetch:  fetch,
		queue:  make(chan string, 64),
		quit:   make(chan struct{}),
		active: make(map[int]bool),
		pages:  make(map[string]int),
	}
	for i := 0; i < n; i++ {
		c.active[i] = true
		c.wg.Add(1)
		go c.worker(i)
	}
	return c
}

func (c *Crawler) worker(id int) {
	defer c.wg.Done()
	defer func() {
		// Runs before the deferred Done above.
		c.mu.Lock()
		delete(c.active, id)
		c.mu.Unlock()
	}()
	for {
		select {
		case <-c.quit:
			return
		case url := <-c.queue:
			body, err := c.fetch(url)
			if err != nil {
				continue
			}
			c.mu.Lock()
			c.pages[url] = len(body)
			c.mu.Unlock()
		}
	}
}

// Enqueue schedules a URL for crawling.
func (c *Crawler) Enqueue(url string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return ErrStopped
	}
	select {
	case c.queue <- url:
		return nil
	default:
		return errors.New("crawler: queue full")
	}
}

// Stop tells the workers to exit and waits for them.
func (c *Crawler) Stop() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return c.pages
	}
	c.stopped = true
	close(c.quit)
	c.wg.Wait() // BAD: workers lock c.mu in their deferred cleanup, which runs before the deferred wg.Done
	return c.pages
}

// Active reports how many workers are running.
func (c *Crawler) Active() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.active)
}
