// Correct: Stop first receives from ready, which run closes only after all its wg.Add calls.
package g3_ready_channel

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// Crawler polls a fixed set of URLs with one fetcher per URL.
type Crawler struct {
	urls   []string
	client *http.Client
	every  time.Duration

	ready  chan struct{}
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	status map[string]int
}

func NewCrawler(urls []string, every time.Duration) *Crawler {
	return &Crawler{
		urls:   urls,
		client: &http.Client{Timeout: 5 * time.Second},
		every:  every,
		ready:  make(chan struct{}),
		status: make(map[string]int),
	}
}

// Start launches the crawler; the fetchers are set up asynchronously.
func (c *Crawler) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	go c.run(ctx)
}

func (c *Crawler) run(ctx context.Context) {
	for _, u := range c.urls {
		c.wg.Add(1)
		go c.fetchLoop(ctx, u)
	}
	close(c.ready)
}

func (c *Crawler) fetchLoop(ctx context.Context, url string) {
	defer c.wg.Done()
	t := time.NewTicker(c.every)
	defer t.Stop()
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
		if err == nil {
			if resp, err := c.client.Do(req); err == nil {
				resp.Body.Close()
				c.mu.Lock()
				c.status[url] = resp.StatusCode
				c.mu.Unlock()
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Stop waits for setup to finish, cancels all fetchers and waits for them.
func (c *Crawler) Stop() {
	<-c.ready
	c.cancel()
	c.wg.Wait()
}
