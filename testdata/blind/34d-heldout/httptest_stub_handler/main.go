// BAD: the stub HTTP handler sends the request body on an unbuffered channel that the
// test never receives from, so the handler and the Publish call hang.

// Package pubclient publishes messages to a topic-based HTTP broker.
package pubclient

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// Client talks to the broker at BaseURL.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// New returns a Client using http.DefaultClient.
func New(baseURL string) *Client {
	return &Client{BaseURL: baseURL, HTTP: http.DefaultClient}
}

// Publish posts payload to the given topic.
func (c *Client) Publish(ctx context.Context, topic string, payload []byte) error {
	if topic == "" {
		return fmt.Errorf("pubclient: empty topic")
	}
	u := c.BaseURL + "/topics/" + url.PathEscape(topic)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("pubclient: publish: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("pubclient: publish: unexpected status %s", resp.Status)
	}
	return nil
}
