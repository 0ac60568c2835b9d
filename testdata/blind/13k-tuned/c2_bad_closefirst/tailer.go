// Package tail follows a growing log buffer and emits new lines.
package tail

import (
	"bytes"
	"sync"
	"time"
)

// Buffer is an append-only log buffer safe for concurrent use.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Append adds a line.
func (b *Buffer) Append(line string) {
	b.mu.Lock()
	b.buf.WriteString(line)
	b.buf.WriteByte('\n')
	b.mu.Unlock()
}

func (b *Buffer) since(off int) ([]byte, int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	data := b.buf.Bytes()
	if off >= len(data) {
		return nil, off
	}
	out := append([]byte(nil), data[off:]...)
	return out, len(data)
}

// Tailer emits each new line appended to a Buffer.
type Tailer struct {
	src     *Buffer
	lines   chan string
	quit    chan struct{}
	stopped chan struct{}
}

// Follow starts tailing src.
func Follow(src *Buffer, poll time.Duration) *Tailer {
	t := &Tailer{
		src:     src,
		lines:   make(chan string, 16),
		quit:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go t.loop(poll)
	return t
}

// Lines is closed when the tailer stops.
func (t *Tailer) Lines() <-chan string { return t.lines }

func (t *Tailer) loop(poll time.Duration) {
	defer close(t.stopped)
	off := 0
	for {
		var chunk []byte
		chunk, off = t.src.since(off)
		for _, l := range bytes.Split(bytes.TrimRight(chunk, "\n"), []byte("\n")) {
			if len(l) == 0 {
				continue
			}
			select {
			case t.lines <- string(l):
			case <-t.quit:
				return
			}
		}
		select {
		case <-t.quit:
			return
		case <-time.After(poll):
		}
	}
}

// Stop ends tailing and closes Lines.
func (t *Tailer) Stop() {
	close(t.quit)
	close(t.lines)
	<-t.stopped
}
