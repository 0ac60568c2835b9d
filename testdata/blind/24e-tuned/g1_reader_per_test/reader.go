// Package g1_reader_per_test counts lines from a channel-backed line source.
package g1_reader_per_test

import (
	"io"
	"strings"
)

type mockReader struct {
	lines chan string
	errs  chan error
	fed   chan struct{} // closed by a scripted feeder after its last send
}

func newMockReader() *mockReader {
	return &mockReader{
		lines: make(chan string, 4),
		errs:  make(chan error, 1),
		fed:   make(chan struct{}),
	}
}

// newScriptedReader returns a reader whose own goroutine sends script.
func newScriptedReader(script []string) *mockReader {
	r := newMockReader()
	go func() {
		defer close(r.fed)
		for _, l := range script {
			r.lines <- l
		}
	}()
	return r
}

func (m *mockReader) Next() (string, error) {
	select {
	case l, ok := <-m.lines:
		if !ok {
			return "", io.EOF
		}
		return l, nil
	case err := <-m.errs:
		return "", err
	}
}

// CountNonBlank counts lines that contain something other than whitespace.
func CountNonBlank(r interface{ Next() (string, error) }) (int, error) {
	n := 0
	for {
		l, err := r.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
}
