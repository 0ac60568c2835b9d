// Correct: failure is written once, in the critical section that moves state to a terminal value it never leaves; Do reads it only after usable() saw that state under s.mu.
package g3_session_state_enum

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type sessionState uint8

const (
	stateConnecting sessionState = iota
	stateReady
	stateFailed // terminal
	stateClosed // terminal
)

var errSessionClosed = errors.New("session: closed")

type Backend interface {
	Ping(ctx context.Context) error
	Exec(ctx context.Context, q string) (string, error)
}

// Session wraps a backend connection with a keepalive goroutine.
type Session struct {
	backend Backend
	stop    chan struct{}
	wg      sync.WaitGroup

	mu      sync.Mutex
	state   sessionState
	failure error
}

func Open(b Backend, every time.Duration) *Session {
	s := &Session{backend: b, stop: make(chan struct{}), state: stateReady}
	s.wg.Add(1)
	go s.keepalive(every)
	return s
}

func (s *Session) keepalive(every time.Duration) {
	defer s.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), every)
			err := s.backend.Ping(ctx)
			cancel()
			if err != nil {
				s.finish(stateFailed, fmt.Errorf("keepalive: %w", err))
				return
			}
		}
	}
}

// finish moves to a terminal state; only the first call has an effect.
func (s *Session) finish(to sessionState, err error) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state >= stateFailed {
		return false
	}
	s.state = to
	s.failure = err
	return true
}

func (s *Session) usable() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state < stateFailed
}

func (s *Session) Do(ctx context.Context, q string) (string, error) {
	if !s.usable() {
		return "", s.failure
	}
	return s.backend.Exec(ctx, q)
}

func (s *Session) Close() error {
	if s.finish(stateClosed, errSessionClosed) {
		close(s.stop)
	}
	s.wg.Wait()
	return nil
}
