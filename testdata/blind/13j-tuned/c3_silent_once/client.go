package apiclient

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// Client talks to a JSON API. It is safe for concurrent use; the base URL
// and default headers are computed on first use.
type Client struct {
	Endpoint string
	Token    string
	HTTP     *http.Client

	once    sync.Once
	base    *url.URL
	headers http.Header
	initErr error
}

func (c *Client) init() {
	c.once.Do(func() {
		u, err := url.Parse(strings.TrimRight(c.Endpoint, "/"))
		if err != nil {
			c.initErr = fmt.Errorf("apiclient: bad endpoint: %w", err)
			return
		}
		c.base = u
		c.headers = http.Header{}
		c.headers.Set("Accept", "application/json")
		if c.Token != "" {
			c.headers.Set("Authorization", "Bearer "+c.Token)
		}
		if c.HTTP == nil {
			c.HTTP = http.DefaultClient
		}
	})
}

// Get fetches path relative to the endpoint.
func (c *Client) Get(ctx context.Context, path string) ([]byte, error) {
	c.init()
	if c.initErr != nil {
		return nil, c.initErr
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.JoinPath(path).String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header = c.headers.Clone()
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("apiclient: %s: %s", path, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// GetAll fetches every path concurrently.
func (c *Client) GetAll(ctx context.Context, paths []string) ([][]byte, []error) {
	out := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = c.Get(ctx, p)
		}()
	}
	wg.Wait()
	return out, errs
}
