package lazyinit

import (
	"strconv"
	"time"
)

func (c *Client) SetOption(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.opts[k] = v
	if k == "timeout_ms" {
		if ms, err := strconv.Atoi(v); err == nil {
			c.timeout = time.Duration(ms) * time.Millisecond
		}
	}
}

func (c *Client) Option(k string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.opts[k]
}
