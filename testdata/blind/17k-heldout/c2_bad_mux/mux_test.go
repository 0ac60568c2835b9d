package mux

import (
	"io"
	"testing"
	"time"
)

type sliceReader struct {
	frames []Frame
	gap    time.Duration
}

func (r *sliceReader) ReadFrame() (Frame, error) {
	if len(r.frames) == 0 {
		return Frame{}, io.EOF
	}
	time.Sleep(r.gap)
	f := r.frames[0]
	r.frames = r.frames[1:]
	return f, nil
}

func TestStreamCloseAfterFirstFrame(t *testing.T) {
	r := &sliceReader{gap: time.Millisecond, frames: []Frame{
		{StreamID: 1, Data: []byte("a")},
		{StreamID: 1, Data: []byte("b")},
		{StreamID: 1, Data: []byte("c")},
	}}
	tr := NewTransport()
	s := tr.Open(1)
	go tr.Serve(r)

	f, err := s.Recv()
	if err != nil || string(f.Data) != "a" {
		t.Fatalf("Recv = %q, %v", f.Data, err)
	}
	s.Close()

	select {
	case <-tr.Done():
	case <-time.After(200 * time.Millisecond):
		t.Log("reader still running")
	}
}
