package lazyinit

import (
	"os"
	"strconv"
	"sync"
	"time"
)

type Client struct {
	mu       sync.Mutex
	once     sync.Once
	opts     map[string]string
	timeout  time.Duration
	endpoint string
}

func NewClient(endpoint string) *Client {
	return &Client{endpoint: endpoint, opts: make(map[string]string)}
}

func (c *Client) Timeout() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.once.Do(c.applyEnv)
	return c.timeout
}

func (c *Client) applyEnv() {
	if v := os.Getenv("SVC_TIMEOUT_MS"); v != "" {
		if ms, err := strconv.Atoi(v); err == nil {
			c.SetOption("timeout_ms", strconv.Itoa(ms))
			return
		}
	}
	c.SetOption("timeout_ms", "1500")
}
