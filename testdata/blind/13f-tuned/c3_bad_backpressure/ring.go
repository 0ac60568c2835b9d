// Package capture buffers decoded video frames between the reader and encoder.
package capture

import "sync"

type Frame struct {
	Index int
	Data  []byte
}

type Buffer struct {
	frames    chan Frame
	stopped   chan struct{}
	closeOnce sync.Once
}

func NewBuffer(depth int) *Buffer {
	return &Buffer{frames: make(chan Frame, depth), stopped: make(chan struct{})}
}

// Put blocks until there is room for f; it must not be called after Stop.
func (b *Buffer) Put(f Frame) {
	select {
	case b.frames <- f:
	case <-b.stopped:
		panic("capture: Put after Stop")
	}
}

func (b *Buffer) Take() (Frame, bool) {
	select {
	case f := <-b.frames:
		return f, true
	case <-b.stopped:
		return Frame{}, false
	}
}

func (b *Buffer) Stop() {
	b.closeOnce.Do(func() { close(b.stopped) })
}
