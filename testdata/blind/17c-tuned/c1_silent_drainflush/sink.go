package logship

import (
	"bufio"
	"io"
	"sync"
)

type sink struct {
	mu      sync.Mutex
	w       *bufio.Writer
	written int
}

func newSink(w io.Writer) *sink {
	return &sink{w: bufio.NewWriter(w)}
}

func (k *sink) writeLocked(lines []string) {
	for _, l := range lines {
		k.w.WriteString(l)
		k.w.WriteByte('\n')
		k.written++
	}
	k.w.Flush()
}

func (k *sink) write(lines []string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.writeLocked(lines)
}
