package feed

import (
	"context"
	"errors"
	"sync"
)

var ErrAlreadyConsuming = errors.New("feed: Messages already called")

type Message struct {
	Topic string
	Body  []byte
}

type Source interface {
	Next(ctx context.Context) (Message, error)
}

// Subscription delivers messages from a Source to a single consumer.
type Subscription struct {
	src Source

	mu        sync.Mutex
	consuming bool
	out       chan Message
	keep      func(Message) bool
	cancel    context.CancelFunc
	delivered int
	lastErr   error
}

func NewSubscription(src Source) *Subscription {
	return &Subscription{src: src}
}

func (s *Subscription) Messages(ctx context.Context, keep func(Message) bool) (<-chan Message, error) {
	s.mu.Lock()
	if s.consuming {
		s.mu.Unlock()
		return nil, ErrAlreadyConsuming
	}
	s.consuming = true
	s.mu.Unlock()

	if keep == nil {
		keep = func(Message) bool { return true }
	}
	s.out = make(chan Message, 16)
	s.keep = keep
	ctx, s.cancel = context.WithCancel(ctx)

	go s.pump(ctx, s.out, s.keep)
	return s.out, nil
}

func (s *Subscription) pump(ctx context.Context, out chan<- Message, keep func(Message) bool) {
	defer close(out)
	for {
		m, err := s.src.Next(ctx)
		if err != nil {
			s.mu.Lock()
			s.lastErr = err
			s.mu.Unlock()
			return
		}
		if !keep(m) {
			continue
		}
		select {
		case out <- m:
			s.mu.Lock()
			s.delivered++
			s.mu.Unlock()
		case <-ctx.Done():
			return
		}
	}
}

func (s *Subscription) Stats() (delivered int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.delivered, s.lastErr
}

func (s *Subscription) Stop() {
	s.mu.Lock()
	cancel := s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}
