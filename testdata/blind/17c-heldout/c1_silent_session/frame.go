package telemetry

import (
	"bufio"
	"io"
	"sync"
)

type frameWriter struct {
	mu  sync.Mutex
	bw  *bufio.Writer
	seq uint64
}

func newFrameWriter(w io.Writer) *frameWriter {
	return &frameWriter{bw: bufio.NewWriter(w)}
}

func (f *frameWriter) frame(kind, payload string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.frameLocked(kind, payload)
}

func (f *frameWriter) frameLocked(kind, payload string) error {
	f.seq++
	f.bw.WriteString(kind)
	f.bw.WriteByte(' ')
	f.bw.WriteString(payload)
	f.bw.WriteByte('\n')
	return f.bw.Flush()
}
