// Correct: watchCtx is cancelled only by the reader goroutine, right before it closes done; the deferred cancel runs after <-done.
package g1_tail_count

import (
	"strings"
	"sync"
)

// Chunk is a batch of log lines appended to a file.
type Chunk struct {
	File  string
	Lines []string
}

// Tailer delivers appended lines to a single follower.
type Tailer struct {
	mu      sync.Mutex
	pending []Chunk
	notify  chan struct{}
}

func NewTailer() *Tailer {
	return &Tailer{notify: make(chan struct{}, 1)}
}

// Append records new lines written to file.
func (t *Tailer) Append(file, text string) {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	t.mu.Lock()
	t.pending = append(t.pending, Chunk{File: file, Lines: lines})
	t.mu.Unlock()
	select {
	case t.notify <- struct{}{}:
	default:
	}
}

// Recv blocks until at least one chunk is available and returns it.
func (t *Tailer) Recv() Chunk {
	for {
		t.mu.Lock()
		if len(t.pending) > 0 {
			c := t.pending[0]
			t.pending = t.pending[1:]
			t.mu.Unlock()
			return c
		}
		t.mu.Unlock()
		<-t.notify
	}
}
