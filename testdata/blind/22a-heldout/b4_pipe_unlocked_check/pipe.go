package b4_pipe_unlocked_check

import (
	"bytes"
	"errors"
	"io"
	"sync"
)

var ErrClosedPipe = errors.New("pipe: write to closed pipe")

// Pipe is an in-memory, buffered byte pipe with close-with-error
// semantics, used to stream request bodies between handlers.
type Pipe struct {
	mu       sync.Mutex
	cond     *sync.Cond
	buf      bytes.Buffer
	closed   bool
	closeErr error // io.EOF for a clean close
	limit    int
}

func NewPipe(limit int) *Pipe {
	p := &Pipe{limit: limit}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *Pipe) Write(b []byte) (int, error) {
	if p.closed { // BAD: unlocked read of closed, written under p.mu by CloseWithError
		return 0, p.closeErr // BAD: unlocked read of closeErr; the unlocked check gives no ordering with the locked write
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.buf.Len() >= p.limit && !p.closed {
		p.cond.Wait()
	}
	if p.closed {
		return 0, ErrClosedPipe
	}
	n, _ := p.buf.Write(b)
	p.cond.Broadcast()
	return n, nil
}

func (p *Pipe) Read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.buf.Len() == 0 {
		if p.closed {
			return 0, p.closeErr
		}
		p.cond.Wait()
	}
	n, _ := p.buf.Read(b)
	p.cond.Broadcast()
	return n, nil
}

// CloseWithError closes the pipe; readers drain the buffer, then get err.
func (p *Pipe) CloseWithError(err error) error {
	if err == nil {
		err = io.EOF
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	p.closeErr = err
	p.cond.Broadcast()
	return nil
}

func (p *Pipe) Close() error { return p.CloseWithError(nil) }
