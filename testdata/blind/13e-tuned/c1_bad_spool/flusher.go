package spool

import (
	"io"
	"sync"
)

type closer struct {
	once sync.Once
	quit chan struct{}
	done chan struct{}
}

func newCloser() *closer {
	return &closer{quit: make(chan struct{}), done: make(chan struct{})}
}

func (c *closer) Signal() { c.once.Do(func() { close(c.quit) }) }

func (c *closer) Wait() { <-c.done }

type flusher struct {
	reqs    chan []byte
	dst     io.Writer
	c       *closer
	written int64
}

func (f *flusher) loop() {
	defer close(f.c.done)
	for {
		select {
		case rec := <-f.reqs:
			f.write(rec)
		case <-f.c.quit:
			close(f.reqs)
			for rec := range f.reqs {
				f.write(rec)
			}
			return
		}
	}
}

func (f *flusher) write(rec []byte) {
	n, _ := f.dst.Write(rec)
	f.written += int64(n)
}
