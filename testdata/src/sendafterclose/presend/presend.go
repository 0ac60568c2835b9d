// Package presend fills a semaphore channel in the constructor that
// makes it: the send runs before anything else can reach the channel,
// so a later close by a goroutine of the context cannot precede it.
package presend

import "context"

type Session struct {
	allocated chan struct{}
	cancel    context.CancelFunc
	name      string
}

type sessionKey struct{}

// Silent: the object is private until the return.
func NewSession(parent context.Context, name string) (context.Context, *Session) {
	ctx, cancel := context.WithCancel(parent)
	s := &Session{cancel: cancel, name: name}
	if name != "" {
		s.allocated = make(chan struct{}, 1)
		s.allocated <- struct{}{}
	}
	// The literal captures s, so s lives in a variable: still private
	// until here.
	go func() {
		<-ctx.Done()
		s.name = ""
	}()
	return context.WithValue(ctx, sessionKey{}, s), s
}

// Run takes the session's slot, and gives the channel back closed
// once the session ends.
func (s *Session) Run(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-s.allocated:
	}
	go func() {
		<-ctx.Done()
		close(s.allocated)
	}()
	return nil
}

type Tab struct {
	ready chan struct{}
}

// Bad: the goroutine that closes the channel is started before the
// send, with the object.
func NewTab(ctx context.Context) *Tab {
	t := &Tab{}
	t.ready = make(chan struct{}, 1)
	go t.watch(ctx)
	t.ready <- struct{}{}
	return t
}

func (t *Tab) watch(ctx context.Context) {
	<-ctx.Done()
	close(t.ready) // want `close of t.ready in a goroutine is not ordered after the send in exported NewTab: the send may panic`
}
