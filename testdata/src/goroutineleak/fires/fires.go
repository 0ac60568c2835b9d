// Package fires pins the select cases whose cleanup ends the loop on a
// later turn: the case that does not return cancels the context, or
// closes the channel, of another case that does.
package fires

import (
	"context"
	"io"
	"log"
	"sync"
)

type cancelReader struct {
	cancel func()
	pr     *io.PipeReader
	pw     *io.PipeWriter
}

// Not reported: closeWithError calls p.cancel, the cancel of doneCtx,
// so once ctx is done the loop leaves through doneCtx's case.
func NewCancelReader(ctx context.Context) io.ReadCloser {
	pr, pw := io.Pipe()
	doneCtx, cancel := context.WithCancel(context.Background())
	p := &cancelReader{cancel: cancel, pr: pr, pw: pw}
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

func (p *cancelReader) Read(b []byte) (int, error) { return p.pr.Read(b) }

func (p *cancelReader) closeWithError(err error) {
	p.pw.CloseWithError(err)
	p.cancel()
}

func (p *cancelReader) Close() error {
	p.closeWithError(io.EOF)
	return nil
}

type twoCancels struct {
	abort func()
	stop  func()
}

// Reported: the cleanup cancels readCtx, but the loop leaves only
// through doneCtx, whose cancel nothing calls there.
func NewTwoCancels(ctx context.Context) *twoCancels {
	readCtx, abort := context.WithCancel(context.Background())
	doneCtx, stop := context.WithCancel(context.Background())
	t := &twoCancels{abort: abort, stop: stop}
	_ = readCtx
	go func() { // want `goroutine does not terminate when asked to: the <-ctx.Done\(\) case leaves only the select, not the loop`
		for {
			select {
			case <-ctx.Done():
				t.abort()
			case <-doneCtx.Done():
				return
			}
		}
	}()
	return t
}

func (t *twoCancels) Close() { t.stop() }

type conn struct {
	quit      chan struct{}
	closed    chan struct{}
	closeOnce sync.Once
}

// Not reported: shutdown closes c.closed in its sync.Once, and Do
// returns only once its function has run, here or before.
func NewConn() *conn {
	c := &conn{quit: make(chan struct{}), closed: make(chan struct{})}
	go c.heartbeat()
	return c
}

func (c *conn) heartbeat() {
	for {
		select {
		case <-c.quit:
			c.shutdown()
		case <-c.closed:
			return
		}
	}
}

func (c *conn) shutdown() {
	c.closeOnce.Do(func() { close(c.closed) })
}

func (c *conn) Close() { close(c.quit) }

type lease struct {
	release func()
}

// Reported: fail cancels lost only for one error, so on another the
// loop keeps turning.
func NewLease(ctx context.Context, errLost error) *lease {
	lost, release := context.WithCancel(context.Background())
	l := &lease{release: release}
	go func() { // want `goroutine does not terminate when asked to: the <-ctx.Done\(\) case leaves only the select, not the loop`
		for {
			select {
			case <-ctx.Done():
				l.fail(ctx.Err(), errLost)
			case <-lost.Done():
				return
			}
		}
	}()
	return l
}

func (l *lease) fail(err, lost error) {
	if err == lost {
		l.release()
		return
	}
	log.Print(err)
}

type flusher struct {
	mu     sync.Mutex
	closed bool
	in     chan string
	stop   chan struct{}
}

// Not reported: drainAndClose closes f.in unless the closed flag is
// set, and the flag is set only right before that close and never
// cleared: either way f.in is closed, and the loop returns on it.
func NewFlusher() *flusher {
	f := &flusher{in: make(chan string, 8), stop: make(chan struct{})}
	go func() {
		for {
			select {
			case _, ok := <-f.in:
				if !ok {
					return
				}
			case <-f.stop:
				f.drainAndClose()
			}
		}
	}()
	return f
}

func (f *flusher) drainAndClose() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	f.closed = true
	close(f.in)
}

func (f *flusher) Stop() { close(f.stop) }

type reopener struct {
	mu     sync.Mutex
	closed bool
	in     chan string
	stop   chan struct{}
}

// Reported: Reopen clears the flag without a new close, so a set
// flag no longer means the input was closed.
func NewReopener() *reopener {
	r := &reopener{in: make(chan string, 8), stop: make(chan struct{})}
	go func() { // want `goroutine does not terminate when asked to: the <-r.stop case leaves only the select, not the loop`
		for {
			select {
			case _, ok := <-r.in:
				if !ok {
					return
				}
			case <-r.stop:
				r.drainAndClose()
			}
		}
	}()
	return r
}

func (r *reopener) drainAndClose() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	r.closed = true
	close(r.in)
}

func (r *reopener) Reopen() {
	r.mu.Lock()
	r.closed = false
	r.mu.Unlock()
}

func (r *reopener) Stop() { close(r.stop) }
