package refresher

import (
	"context"
	"sync"
	"time"
)

// TokenSource fetches access tokens and refreshes them in the background.
type TokenSource struct {
	mu     sync.Mutex
	fetch  func(context.Context) (string, error)
	token  string
	cancel context.CancelFunc
	ready  chan struct{}

	// Written only by the refresh goroutine while it runs.
	failures  int
	refreshed time.Time
}

func NewTokenSource(fetch func(context.Context) (string, error)) *TokenSource {
	return &TokenSource{fetch: fetch}
}

func (s *TokenSource) Token() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.token
}

// SetInterval restarts the refresh loop with a new period.
func (s *TokenSource) SetInterval(every time.Duration) {
	s.mu.Lock()
	cancel, ready := s.cancel, s.ready
	s.mu.Unlock()

	if cancel != nil {
		cancel()
		<-ready
	}

	s.mu.Lock()
	s.failures = 0
	s.refreshed = time.Time{}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.ready = make(chan struct{})
	ready = s.ready
	s.mu.Unlock()

	go s.loop(ctx, every, ready)
}

func (s *TokenSource) Close() {
	s.mu.Lock()
	cancel := s.cancel
	s.cancel = nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

func (s *TokenSource) loop(ctx context.Context, every time.Duration, ready chan struct{}) {
	close(ready)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			tok, err := s.fetch(ctx)
			if err != nil {
				s.failures++
				continue
			}
			s.mu.Lock()
			s.token = tok
			s.mu.Unlock()
			s.refreshed = now
		}
	}
}
