// Correct: the WaitGroup is only waited on inside Run itself, after all its Adds; Stop waits on the done channel Run closes.
package g4_fanout_fetch

import (
	"context"
	"io"
	"net/http"
	"sync"
	"time"
)

// Status is the outcome of probing one URL.
type Status struct {
	URL     string
	Code    int
	Latency time.Duration
	Err     error
}

// Checker probes a set of URLs concurrently.
type Checker struct {
	client *http.Client
	urls   []string

	wg      sync.WaitGroup
	mu      sync.Mutex
	results []Status

	cancel context.CancelFunc
	done   chan struct{}
}

// NewChecker prepares a checker; call Launch to run it in the background.
func NewChecker(urls []string, timeout time.Duration) *Checker {
	return &Checker{
		client: &http.Client{Timeout: timeout},
		urls:   urls,
		done:   make(chan struct{}),
	}
}

// Launch runs the probe round on its own goroutine.
func (c *Checker) Launch(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	c.cancel = cancel
	go c.Run(ctx)
}

// Run probes every URL and returns when all probes are finished.
func (c *Checker) Run(ctx context.Context) {
	defer close(c.done)
	for _, u := range c.urls {
		c.wg.Add(1)
		go c.probe(ctx, u)
	}
	c.wg.Wait()
}

func (c *Checker) probe(ctx context.Context, url string) {
	defer c.wg.Done()
	start := time.Now()
	st := Status{URL: url}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err == nil {
		var resp *http.Response
		resp, err = c.client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			st.Code = resp.StatusCode
		}
	}
	st.Err = err
	st.Latency = time.Since(start)
	c.mu.Lock()
	c.results = append(c.results, st)
	c.mu.Unlock()
}

// Stop aborts outstanding probes and returns what was collected.
func (c *Checker) Stop() []Status {
	c.cancel()
	<-c.done
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Status(nil), c.results...)
}
