package logship

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
)

var ErrClosed = errors.New("logship: shipper closed")

type stopper struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newStopper(parent context.Context) (*stopper, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &stopper{cancel: cancel}, ctx
}

func (s *stopper) SignalAndWait() {
	s.cancel()
	s.wg.Wait()
}

type uploader struct {
	lines chan string
	out   io.Writer
	stop  *stopper
}

func (u *uploader) run(ctx context.Context) {
	defer u.stop.wg.Done()
	for {
		select {
		case l := <-u.lines:
			fmt.Fprintln(u.out, l)
		case <-ctx.Done():
			close(u.lines)
			for l := range u.lines {
				fmt.Fprintln(u.out, l)
			}
			return
		}
	}
}

// Shipper forwards log lines to an io.Writer from a background uploader.
type Shipper struct {
	mu  sync.Mutex
	up  *uploader
	out io.Writer
}

func New(out io.Writer) *Shipper {
	s := &Shipper{out: out}
	s.up = s.spawn()
	return s
}

func (s *Shipper) spawn() *uploader {
	st, ctx := newStopper(context.Background())
	u := &uploader{lines: make(chan string, 64), out: s.out, stop: st}
	st.wg.Add(1)
	go u.run(ctx)
	return u
}

func (s *Shipper) Write(line string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.up == nil {
		return ErrClosed
	}
	s.up.lines <- line
	return nil
}

func (s *Shipper) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.up == nil {
		return ErrClosed
	}
	s.up.stop.SignalAndWait()
	s.up = nil
	return nil
}
