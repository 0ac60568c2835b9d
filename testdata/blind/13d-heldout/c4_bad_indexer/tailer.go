package search

import (
	"bufio"
	"io"
	"strings"
)

// tailer reads documents line by line ("id<TAB>text") and hands each
// one to onDoc from its own goroutine.
type tailer struct {
	onDoc func(id, text string)
	done  chan struct{}
}

func startTailer(r io.Reader, onDoc func(id, text string)) *tailer {
	t := &tailer{onDoc: onDoc, done: make(chan struct{})}
	go t.read(r)
	return t
}

func (t *tailer) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		select {
		case <-t.done:
			return
		default:
		}
		id, text, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		t.onDoc(id, text)
	}
}

func (t *tailer) stop() {
	close(t.done)
}
