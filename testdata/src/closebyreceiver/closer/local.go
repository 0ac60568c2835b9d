package closer

import (
	"context"
	"sync"
)

// A stopper of the package itself: a cancel and a WaitGroup, the
// context handed to the worker apart. Close holds s.mu from the
// cancel until the worker is done, and every Write holds s.mu and
// checks that the worker is not gone.

type stop struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newStop(parent context.Context) (*stop, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &stop{cancel: cancel}, ctx
}

func (s *stop) signalAndWait() {
	s.cancel()
	s.wg.Wait()
}

type uploader struct {
	lines chan string
	st    *stop
}

func (u *uploader) run(ctx context.Context) {
	defer u.st.wg.Done()
	for {
		select {
		case l := <-u.lines:
			_ = l
		case <-ctx.Done():
			close(u.lines) // silent: the stop is requested under s.mu and waited for; Write checks s.up
			for range u.lines {
			}
			return
		}
	}
}

type Shipper struct {
	mu sync.Mutex
	up *uploader
}

func NewShipper() *Shipper {
	st, ctx := newStop(context.Background())
	u := &uploader{lines: make(chan string, 64), st: st}
	st.wg.Add(1)
	go u.run(ctx)
	return &Shipper{up: u}
}

func (s *Shipper) Write(line string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.up == nil {
		return false
	}
	s.up.lines <- line
	return true
}

func (s *Shipper) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.up == nil {
		return
	}
	s.up.st.signalAndWait()
	s.up = nil
}

// The same stopper, but Close releases the lock before it stops the
// worker and never marks it gone: a later Write sends on the closed
// channel.

type bstop struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newBstop(parent context.Context) (*bstop, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &bstop{cancel: cancel}, ctx
}

func (s *bstop) signalAndWait() {
	s.cancel()
	s.wg.Wait()
}

type buploader struct {
	lines chan string
	st    *bstop
}

func (u *buploader) run(ctx context.Context) {
	defer u.st.wg.Done()
	for {
		select {
		case l := <-u.lines:
			_ = l
		case <-ctx.Done():
			close(u.lines) // want `u.lines closed by its receiver while another goroutine sends on it`
			return
		}
	}
}

type Spool struct {
	mu sync.Mutex
	up *buploader
}

func NewSpool() *Spool {
	st, ctx := newBstop(context.Background())
	u := &buploader{lines: make(chan string, 64), st: st}
	st.wg.Add(1)
	go u.run(ctx)
	return &Spool{up: u}
}

func (s *Spool) Write(line string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.up == nil {
		return false
	}
	s.up.lines <- line
	return true
}

func (s *Spool) Close() {
	s.mu.Lock()
	up := s.up
	s.mu.Unlock()
	if up != nil {
		up.st.signalAndWait()
	}
}
