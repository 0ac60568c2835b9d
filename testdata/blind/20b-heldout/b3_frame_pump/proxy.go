package b3_frame_pump

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

const maxFrame = 1 << 16

// Result is either one decoded frame or the error that stopped the pump.
type Result struct {
	Frame []byte
	Err   error
}

// Proxy reads length-prefixed frames from upstream connections.
type Proxy struct {
	mu     sync.Mutex
	closed bool
	frames int
}

func NewProxy() *Proxy { return &Proxy{} }

// pump reads frames from conn until EOF. Every frame is delivered on results;
// a read failure other than a clean EOF is delivered as a final Result with
// Err set.
func (p *Proxy) pump(conn io.Reader, results chan<- Result) {
	var hdr [4]byte
	for {
		if _, err := io.ReadFull(conn, hdr[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return
			}
			results <- Result{Err: fmt.Errorf("proxy: header: %w", err)}
			return
		}
		n := binary.BigEndian.Uint32(hdr[:])
		if n > maxFrame {
			results <- Result{Err: fmt.Errorf("proxy: frame too large: %d", n)}
			return
		}
		buf := make([]byte, n)
		if _, err := io.ReadFull(conn, buf); err != nil {
			results <- Result{Err: fmt.Errorf("proxy: body: %w", err)}
			return
		}
		p.mu.Lock()
		p.frames++
		p.mu.Unlock()
		results <- Result{Frame: buf}
	}
}

// Frames reports how many frames have been pumped so far.
func (p *Proxy) Frames() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.frames
}

func (p *Proxy) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	return nil
}
