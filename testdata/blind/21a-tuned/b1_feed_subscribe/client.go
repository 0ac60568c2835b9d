// Package b1_feed_subscribe is a client for a server-push event feed.
package b1_feed_subscribe

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

type Event struct {
	Topic string
	Data  []byte
}

// Filter restricts which events a subscription receives.
type Filter struct {
	Topics []string
	Since  time.Time
}

type CallOptions struct {
	// Timeout bounds the whole call; zero means no deadline.
	Timeout time.Duration
}

type transport interface {
	Open(ctx context.Context, req *subscribeRequest) (<-chan Event, error)
}

type Client struct {
	tr transport
}

func NewClient(tr transport) *Client {
	return &Client{tr: tr}
}

// callContext derives the per-call context used by every RPC of the client.
func (c *Client) callContext(parent context.Context, opts *CallOptions) (context.Context, context.CancelFunc) {
	if opts != nil && opts.Timeout > 0 {
		return context.WithTimeout(parent, opts.Timeout)
	}
	return context.WithCancel(parent)
}

type subscribeRequest struct {
	Topics []string
	Since  int64
}

func buildSubscribeRequest(f *Filter) (*subscribeRequest, error) {
	req := &subscribeRequest{}
	if f == nil {
		return req, nil
	}
	for _, t := range f.Topics {
		if t == "" || strings.ContainsAny(t, " \t#") {
			return nil, fmt.Errorf("feed: invalid topic %q", t)
		}
	}
	if !f.Since.IsZero() {
		if f.Since.After(time.Now()) {
			return nil, errors.New("feed: Since is in the future")
		}
		req.Since = f.Since.UnixNano()
	}
	req.Topics = f.Topics
	return req, nil
}

// Subscription is a live feed; Close releases it.
type Subscription struct {
	events <-chan Event
	cancel context.CancelFunc
}

func (s *Subscription) Events() <-chan Event { return s.events }

func (s *Subscription) Close() error {
	s.cancel()
	return nil
}

// Subscribe opens a feed of events matching f.
func (c *Client) Subscribe(ctx context.Context, f *Filter, opts *CallOptions) (*Subscription, error) {
	ctx, cancel := c.callContext(ctx, opts) // BAD: cancel is skipped when buildSubscribeRequest rejects the caller's filter
	req, err := buildSubscribeRequest(f)
	if err != nil {
		return nil, err
	}
	ch, err := c.tr.Open(ctx, req)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("feed: open: %w", err)
	}
	return &Subscription{events: ch, cancel: cancel}, nil
}
