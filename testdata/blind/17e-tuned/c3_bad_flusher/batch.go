package flusher

import (
	"io"
	"sync"
	"time"
)

type Batcher struct {
	mu      sync.Mutex
	buf     []byte
	out     io.Writer
	flushCh chan chan error
	quit    chan struct{}
}

func NewBatcher(w io.Writer, every time.Duration) *Batcher {
	b := &Batcher{
		out:     w,
		flushCh: make(chan chan error),
		quit:    make(chan struct{}),
	}
	go b.loop(every)
	return b
}

func (b *Batcher) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.buf = append(b.buf, p...)
	b.mu.Unlock()
	return len(p), nil
}

func (b *Batcher) take() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	data := b.buf
	b.buf = nil
	return data
}

func (b *Batcher) loop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			if data := b.take(); len(data) > 0 {
				b.out.Write(data)
			}
		case reply := <-b.flushCh:
			_, err := b.out.Write(b.buf)
			b.buf = nil
			reply <- err
		case <-b.quit:
			return
		}
	}
}

func (b *Batcher) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	reply := make(chan error, 1)
	b.flushCh <- reply
	return <-reply
}

func (b *Batcher) Close() error {
	err := b.Flush()
	close(b.quit)
	return err
}
