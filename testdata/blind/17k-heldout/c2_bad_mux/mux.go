package mux

import (
	"errors"
	"io"
	"sync"
)

// Frame is one multiplexed unit on the underlying connection.
type Frame struct {
	StreamID uint32
	Data     []byte
}

// FrameReader is the decoding half of the connection.
type FrameReader interface {
	ReadFrame() (Frame, error)
}

var ErrStreamClosed = errors.New("mux: stream closed")

// Stream receives the frames addressed to one stream ID.
type Stream struct {
	id     uint32
	frames chan Frame
	closed chan struct{}
	once   sync.Once
	t      *Transport
}

// Recv returns the next frame for this stream.
func (s *Stream) Recv() (Frame, error) {
	select {
	case f := <-s.frames:
		return f, nil
	case <-s.closed:
		return Frame{}, ErrStreamClosed
	}
}

// Close stops the stream.
func (s *Stream) Close() error {
	s.once.Do(func() { close(s.closed) })
	return nil
}

// Transport demultiplexes frames from one connection into streams.
type Transport struct {
	mu      sync.Mutex
	streams map[uint32]*Stream
	done    chan struct{}
	lastErr error
}

func NewTransport() *Transport {
	return &Transport{streams: make(map[uint32]*Stream), done: make(chan struct{})}
}

func (t *Transport) Open(id uint32) *Stream {
	s := &Stream{id: id, frames: make(chan Frame), closed: make(chan struct{}), t: t}
	t.mu.Lock()
	t.streams[id] = s
	t.mu.Unlock()
	return s
}

// Serve reads frames from r and routes them until r fails.
func (t *Transport) Serve(r FrameReader) {
	defer close(t.done)
	for {
		f, err := r.ReadFrame()
		if err != nil {
			if err != io.EOF {
				t.lastErr = err
			}
			return
		}
		t.mu.Lock()
		s := t.streams[f.StreamID]
		t.mu.Unlock()
		if s == nil {
			continue
		}
		s.frames <- f
	}
}

// Done is closed when the reader goroutine has exited.
func (t *Transport) Done() <-chan struct{} { return t.done }
