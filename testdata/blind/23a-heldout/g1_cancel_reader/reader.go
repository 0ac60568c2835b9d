// Correct: closeWithError calls p.cancel, the cancel of doneCtx stored by the constructor, so the watcher returns on its next turn.
package g1_cancel_reader

import (
	"context"
	"io"
	"sync"
)

// CancelReadCloser closes the wrapped body as soon as ctx is done, which
// unblocks any Read that is waiting on the network.
type CancelReadCloser struct {
	rc     io.ReadCloser
	cancel context.CancelFunc

	mu  sync.Mutex
	err error
}

// NewCancelReadCloser wraps rc; the body is closed when ctx is done or
// when Close is called, whichever happens first.
func NewCancelReadCloser(ctx context.Context, rc io.ReadCloser) io.ReadCloser {
	doneCtx, cancel := context.WithCancel(context.Background())
	p := &CancelReadCloser{
		rc:     rc,
		cancel: cancel,
	}

	go func() {
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
	n, err := p.rc.Read(b)
	if err != nil {
		p.mu.Lock()
		if p.err != nil {
			err = p.err
		}
		p.mu.Unlock()
	}
	return n, err
}

// closeWithError records err, closes the body and stops the watcher.
func (p *CancelReadCloser) closeWithError(err error) {
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.mu.Unlock()
	_ = p.rc.Close()
	p.cancel()
}

// Close closes the body and releases the watcher goroutine.
func (p *CancelReadCloser) Close() error {
	p.closeWithError(io.EOF)
	return nil
}
