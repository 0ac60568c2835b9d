// BAD: NewRefresher starts one refresh loop per Refresher; when Close cancels the context the
// <-ctx.Done() case only logs and executes a bare break, which leaves the select but not the for loop.
package main

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"
)

// TokenSource produces bearer tokens, e.g. from an OAuth endpoint.
type TokenSource interface {
	Token() (string, error)
}

type counterSource struct {
	mu sync.Mutex
	n  int
}

func (s *counterSource) Token() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	return fmt.Sprintf("tok-%04d", s.n), nil
}

// Refresher keeps a cached bearer token fresh in the background.
type Refresher struct {
	src      TokenSource
	interval time.Duration
	cancel   context.CancelFunc

	mu      sync.RWMutex
	token   string
	lastErr error
}

// NewRefresher fetches an initial token and starts refreshing it every interval.
func NewRefresher(parent context.Context, src TokenSource, interval time.Duration) *Refresher {
	ctx, cancel := context.WithCancel(parent)
	r := &Refresher{src: src, interval: interval, cancel: cancel}
	r.refresh()
	go r.loop(ctx) // want "does not terminate|never terminates"
	return r
}

func (r *Refresher) loop(ctx context.Context) {
	t := time.NewTicker(r.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			log.Printf("token refresher: stopping: %v", ctx.Err())
			break
		case <-t.C:
			r.refresh()
		}
	}
}

func (r *Refresher) refresh() {
	tok, err := r.src.Token()
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.lastErr = err
		return
	}
	r.token, r.lastErr = tok, nil
}

// Token returns the most recently fetched token.
func (r *Refresher) Token() (string, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.token == "" {
		return "", r.lastErr
	}
	return r.token, nil
}

// Close stops background refreshing.
func (r *Refresher) Close() {
	r.cancel()
}

func main() {
	r := NewRefresher(context.Background(), &counterSource{}, 20*time.Millisecond)
	defer r.Close()
	for i := 0; i < 3; i++ {
		time.Sleep(25 * time.Millisecond)
		tok, err := r.Token()
		fmt.Println(tok, err)
	}
}
