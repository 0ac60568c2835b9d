package tailer

import (
	"bufio"
	"io"
	"log"
	"sync"
)

type Tailer struct {
	src   io.Reader
	lines chan string

	closeOnce sync.Once
	quit      chan struct{}
	done      chan struct{}
	err       error
}

func Follow(src io.Reader) *Tailer {
	t := &Tailer{
		src:   src,
		lines: make(chan string, 128),
		quit:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	go t.loop()
	return t
}

func (t *Tailer) Lines() <-chan string { return t.lines }

func (t *Tailer) loop() {
	defer close(t.done)
	defer close(t.lines)
	sc := bufio.NewScanner(t.src)
	for sc.Scan() {
		select {
		case t.lines <- sc.Text():
		case <-t.quit:
			return
		}
	}
	if err := sc.Err(); err != nil {
		log.Printf("tailer: %v", err)
		t.err = err
		t.Close()
	}
}

func (t *Tailer) Close() error {
	t.closeOnce.Do(func() { close(t.quit) })
	<-t.done
	return t.err
}
