package b1_body_reader

import (
	"context"
	"errors"
	"io"
	"sync"
)

// CancelReadCloser wraps an io.ReadCloser so that cancelling the request
// context aborts a blocked Read by closing the underlying body.
type CancelReadCloser struct {
	rc io.ReadCloser

	mu  sync.Mutex
	err error

	readCtx   context.Context
	abortRead context.CancelFunc // aborts in-flight reads
	stop      context.CancelFunc // stops the watcher goroutine
}

// NewCancelReadCloser returns a wrapper that closes rc when ctx is done.
func NewCancelReadCloser(ctx context.Context, rc io.ReadCloser) *CancelReadCloser {
	doneCtx, stop := context.WithCancel(context.Background())
	readCtx, abortRead := context.WithCancel(context.Background())
	p := &CancelReadCloser{
		rc:        rc,
		readCtx:   readCtx,
		abortRead: abortRead,
		stop:      stop,
	}

	go func() { // BAD: closeWithError cancels readCtx, never doneCtx, so after ctx is done this loop spins forever
		for {
			select {
			case <-ctx.Done():
				p.closeWithError(ctx.Err())
			case <-doneCtx.Done():
				return
			}
		}
	}()
	return p
}

func (p *CancelReadCloser) Read(b []byte) (int, error) {
	if err := p.readCtx.Err(); err != nil {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.err != nil {
			return 0, p.err
		}
		return 0, err
	}
	n, err := p.rc.Read(b)
	if err != nil && p.readCtx.Err() != nil {
		p.mu.Lock()
		if p.err != nil {
			err = p.err
		}
		p.mu.Unlock()
	}
	return n, err
}

// closeWithError records err, aborts pending reads and closes the body.
func (p *CancelReadCloser) closeWithError(err error) {
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.mu.Unlock()
	p.abortRead()
	_ = p.rc.Close()
}

// Close closes the wrapped body.
func (p *CancelReadCloser) Close() error {
	p.closeWithError(io.EOF)
	return nil
}

// Err reports why the reader was closed.
func (p *CancelReadCloser) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if errors.Is(p.err, io.EOF) {
		return nil
	}
	return p.err
}
