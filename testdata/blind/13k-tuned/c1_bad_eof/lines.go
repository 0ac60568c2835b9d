// Package lines provides a small line-oriented record reader.
package lines

import (
	"bufio"
	"io"
	"strings"
)

// Record is one parsed key=value line.
type Record struct {
	Key   string
	Value string
}

// Reader reads records from an underlying stream.
type Reader struct {
	br *bufio.Reader
}

// NewReader wraps r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReader(r)}
}

// Next returns the next record or io.EOF.
func (r *Reader) Next() (Record, error) {
	for {
		line, err := r.br.ReadString('\n')
		line = strings.TrimSpace(line)
		if line == "" {
			if err != nil {
				return Record{}, err
			}
			continue
		}
		k, v, _ := strings.Cut(line, "=")
		return Record{Key: k, Value: v}, nil
	}
}
