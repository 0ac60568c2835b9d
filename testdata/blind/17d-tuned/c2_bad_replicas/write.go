package kvclient

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type Replica interface {
	Addr() string
	Put(ctx context.Context, key string, val []byte) error
}

type Client struct {
	replicas []Replica
	timeout  time.Duration
}

func New(timeout time.Duration, rs ...Replica) (*Client, error) {
	if len(rs) < 3 {
		return nil, errors.New("kvclient: need at least three replicas")
	}
	return &Client{replicas: rs, timeout: timeout}, nil
}

func (c *Client) Put(ctx context.Context, key string, val []byte) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	acks := make(chan error, 1)
	for _, r := range c.replicas {
		go func(r Replica) {
			err := r.Put(ctx, key, val)
			if err != nil {
				err = fmt.Errorf("replica %s: %w", r.Addr(), err)
			}
			acks <- err
		}(r)
	}

	var firstErr error
	for i := 0; i < len(c.replicas); i++ {
		err := <-acks
		if err == nil {
			return nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}
