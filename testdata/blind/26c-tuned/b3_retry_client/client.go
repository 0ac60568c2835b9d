package b3_retry_client

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Request and Response are the transport's wire types.
type Request struct {
	Method string
	Path   string
	Body   []byte
}

type Response struct {
	Status int
	Body   []byte
}

// Transport performs a single attempt.
type Transport interface {
	RoundTrip(ctx context.Context, req *Request) (*Response, error)
}

type temporary interface{ Temporary() bool }

func retryable(err error) bool {
	var te temporary
	return errors.As(err, &te) && te.Temporary()
}

// Client retries temporary failures with exponential backoff. A network
// monitor may call NetworkRestored to cut a pending backoff short.
type Client struct {
	tr             Transport
	initialBackoff time.Duration
	maxBackoff     time.Duration
	maxAttempts    int
	netUp          chan struct{}
}

// New returns a client with default retry settings.
func New(tr Transport) *Client {
	return &Client{
		tr:             tr,
		initialBackoff: 100 * time.Millisecond,
		maxBackoff:     5 * time.Second,
		maxAttempts:    6,
		netUp:          make(chan struct{}, 1),
	}
}

// NetworkRestored wakes one request that is waiting out its backoff.
func (c *Client) NetworkRestored() {
	select {
	case c.netUp <- struct{}{}:
	default:
	}
}

// Do sends req, retrying temporary errors until maxAttempts is reached.
func (c *Client) Do(ctx context.Context, req *Request) (*Response, error) {
	backoff := c.initialBackoff
	var t *time.Timer
	defer func() {
		if t != nil {
			t.Stop()
		}
	}()
	for attempt := 1; ; attempt++ {
		resp, err := c.tr.RoundTrip(ctx, req)
		if err == nil {
			return resp, nil
		}
		if !retryable(err) || attempt >= c.maxAttempts {
			return nil, fmt.Errorf("%s %s: attempt %d: %w", req.Method, req.Path, attempt, err)
		}
		if t == nil {
			t = time.NewTimer(backoff)
		} else {
			t.Reset(backoff)
		}
		woken := false
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-c.netUp:
			woken = true
		case <-t.C:
		}
		if !woken && !t.Stop() {
			<-t.C // BAD: woken is set by the netUp case, not the timer case; when the backoff expired the value was already received and this drain blocks forever
		}
		backoff = min(backoff*2, c.maxBackoff)
	}
}
