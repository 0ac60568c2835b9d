// Package b1_shared_fixture_parallel contains a small word counter that reads
// from a line source, plus a channel-backed mock used by its tests.
package b1_shared_fixture_parallel

import (
	"io"
	"strings"
)

// LineSource yields lines until it returns io.EOF.
type LineSource interface {
	Next() (string, error)
}

// mockReader is a LineSource fed through channels by tests.
type mockReader struct {
	lines chan string
	errs  chan error
}

func newMockReader() *mockReader {
	return &mockReader{
		lines: make(chan string, 8),
		errs:  make(chan error, 1),
	}
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

// CountWords reads src until EOF and returns the number of words seen.
func CountWords(src LineSource) (int, error) {
	total := 0
	for {
		line, err := src.Next()
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		total += len(strings.Fields(line))
	}
}
