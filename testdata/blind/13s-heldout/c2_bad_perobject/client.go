package client

import (
	"net/http"
	"sync"
	"time"
)

// Client wraps an http.Client and periodically drops idle connections.
type Client struct {
	mu      sync.Mutex
	started bool
	hc      *http.Client
	idle    time.Duration
}

// GetClient returns a ready-to-use client for the given base timeout.
func GetClient(timeout time.Duration) *Client {
	c := &Client{
		hc:   &http.Client{Timeout: timeout},
		idle: 30 * time.Second,
	}
	c.ensureJanitor()
	return c
}

func (c *Client) ensureJanitor() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.started {
		c.started = true
		go c.janitor()
	}
}

func (c *Client) Get(url string) (*http.Response, error) {
	return c.hc.Get(url)
}

func (c *Client) janitor() {
	for {
		time.Sleep(c.idle)
		c.hc.CloseIdleConnections()
	}
}

// fetchStatus is used by the health checker; it builds a client per call so
// each probe gets its own timeout.
func fetchStatus(url string, timeout time.Duration) (int, error) {
	c := GetClient(timeout)
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Probe checks every endpoint once.
func Probe(urls []string) map[string]int {
	out := make(map[string]int, len(urls))
	for _, u := range urls {
		code, err := fetchStatus(u, 2*time.Second)
		if err != nil {
			code = -1
		}
		out[u] = code
	}
	return out
}
