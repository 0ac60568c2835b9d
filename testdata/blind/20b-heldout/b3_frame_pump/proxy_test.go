package b3_frame_pump

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

var errReset = errors.New("connection reset by peer")

func TestPumpReportsReadError(t *testing.T) {
	p := NewProxy()
	defer p.Close()

	results := make(chan Result)
	conn := iotest.ErrReader(errReset)

	p.pump(conn, results) // BAD: the error reader makes pump send a Result on unbuffered results before returning; the only receiver is below

	res := <-results
	if !errors.Is(res.Err, errReset) {
		t.Fatalf("err = %v, want %v", res.Err, errReset)
	}
	if p.Frames() != 0 {
		t.Fatalf("frames = %d", p.Frames())
	}
}

func TestPumpCleanEOF(t *testing.T) {
	p := NewProxy()
	defer p.Close()

	results := make(chan Result)
	p.pump(strings.NewReader(""), results)

	if p.Frames() != 0 {
		t.Fatalf("frames = %d", p.Frames())
	}
}
