package creds

import (
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

type Client struct {
	http *http.Client
	base string

	mu        sync.Mutex
	once      sync.Once
	token     string
	expiresAt time.Time
	requests  int
}

func NewClient(base string) *Client {
	return &Client{http: &http.Client{Timeout: 10 * time.Second}, base: base}
}

func (c *Client) loadFromEnv() {
	raw := strings.TrimSpace(os.Getenv("API_TOKEN"))
	c.mu.Lock()
	c.token = raw
	c.expiresAt = time.Now().Add(time.Hour)
	c.mu.Unlock()
}

func (c *Client) authHeader() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests++
	c.once.Do(c.loadFromEnv)
	if time.Now().After(c.expiresAt) {
		return ""
	}
	return "Bearer " + c.token
}

func (c *Client) Get(path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	if h := c.authHeader(); h != "" {
		req.Header.Set("Authorization", h)
	}
	return c.http.Do(req)
}
