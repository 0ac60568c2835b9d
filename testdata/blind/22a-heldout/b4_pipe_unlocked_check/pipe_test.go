package b4_pipe_unlocked_check

import (
	"errors"
	"io"
	"testing"
)

func TestCopyThenClose(t *testing.T) {
	p := NewPipe(8)
	go func() {
		for i := 0; i < 10; i++ {
			if _, err := p.Write([]byte("chunk")); err != nil {
				return
			}
		}
		p.Close()
	}()
	data, err := io.ReadAll(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != 50 {
		t.Fatalf("read %d bytes", len(data))
	}
}

func TestReaderAborts(t *testing.T) {
	p := NewPipe(4)
	errAbort := errors.New("client went away")
	done := make(chan error, 1)
	go func() {
		for {
			if _, err := p.Write([]byte("xx")); err != nil {
				done <- err
				return
			}
		}
	}()
	buf := make([]byte, 2)
	p.Read(buf)
	p.CloseWithError(errAbort)
	if err := <-done; err == nil {
		t.Fatal("writer did not stop")
	}
}
