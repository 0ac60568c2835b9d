// Class 6, BAD: only readLoop waits, but Discard (called from other goroutines) also empties lines; if Discard runs between Push's Signal and the waiter re-acquiring the lock, Wait returns with lines empty and lines[0] panics.
package c6_bad_resetconsumer

import (
	"strings"
	"sync"
)

type LineBuffer struct {
	mu    sync.Mutex
	cond  *sync.Cond
	lines []string
}

func NewLineBuffer(handle func(string)) *LineBuffer {
	b := &LineBuffer{}
	b.cond = sync.NewCond(&b.mu)
	go b.readLoop(handle)
	return b
}

func (b *LineBuffer) Push(text string) {
	b.mu.Lock()
	b.lines = append(b.lines, strings.Split(text, "\n")...)
	b.mu.Unlock()
	b.cond.Signal()
}

// Discard drops everything not yet handled (e.g. on a client reset).
func (b *LineBuffer) Discard() int {
	b.mu.Lock()
	n := len(b.lines)
	b.lines = b.lines[:0]
	b.mu.Unlock()
	return n
}

func (b *LineBuffer) readLoop(handle func(string)) {
	for {
		b.mu.Lock()
		if len(b.lines) == 0 {
			b.cond.Wait() // WANT condwait
		}
		line := b.lines[0]
		b.lines = b.lines[1:]
		b.mu.Unlock()
		handle(line)
	}
}
