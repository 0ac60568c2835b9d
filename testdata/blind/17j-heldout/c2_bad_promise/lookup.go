// Package directory is a client for a slow user directory backend. It
// limits the number of concurrent backend calls with a semaphore.
package directory

import (
	"context"
	"errors"
	"sync"
)

// Promise is a write-once result shared between a producer goroutine and
// a waiter.
type Promise[T any] struct {
	once sync.Once
	done chan struct{}
	val  T
	err  error
}

func NewPromise[T any]() *Promise[T] {
	return &Promise[T]{done: make(chan struct{})}
}

func (p *Promise[T]) Fulfill(v T) {
	p.once.Do(func() {
		p.val = v
		close(p.done)
	})
}

func (p *Promise[T]) Reject(err error) {
	p.once.Do(func() {
		p.err = err
		close(p.done)
	})
}

// Get waits for the promise to be settled.
func (p *Promise[T]) Get() (T, error) {
	<-p.done
	return p.val, p.err
}

// User is a directory entry.
type User struct {
	ID    string
	Email string
	Teams []string
}

// Backend is the remote directory.
type Backend interface {
	FetchUser(id string) (User, error)
}

var ErrNotFound = errors.New("directory: user not found")

// Client bounds concurrent calls to the backend.
type Client struct {
	backend Backend
	sem     chan struct{}
}

func NewClient(b Backend, maxConcurrent int) *Client {
	return &Client{backend: b, sem: make(chan struct{}, maxConcurrent)}
}

// Lookup fetches one user, waiting for a free backend slot first.
func (c *Client) Lookup(ctx context.Context, id string) (User, error) {
	p := NewPromise[User]()
	go func() {
		select {
		case <-ctx.Done():
			return
		case c.sem <- struct{}{}:
		}
		defer func() { <-c.sem }()
		u, err := c.backend.FetchUser(id)
		if err != nil {
			p.Reject(err)
			return
		}
		p.Fulfill(u)
	}()
	return p.Get()
}
