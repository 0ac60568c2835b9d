package batcher

import (
	"sync"
	"time"
)

type Sink interface {
	Write(batch []string) error
}

type Batcher struct {
	mu      sync.Mutex
	pending []string
	written int

	sink  Sink
	flush chan chan struct{}
	stop  chan struct{}
	wg    sync.WaitGroup
}

func Start(sink Sink, every time.Duration) *Batcher {
	b := &Batcher{sink: sink, flush: make(chan chan struct{}), stop: make(chan struct{})}
	b.wg.Add(1)
	go b.run(every)
	return b
}

func (b *Batcher) Add(line string) {
	b.mu.Lock()
	b.pending = append(b.pending, line)
	b.mu.Unlock()
}

func (b *Batcher) run(every time.Duration) {
	defer b.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			b.writeOut()
		case ack := <-b.flush:
			b.writeOut()
			close(ack)
		case <-b.stop:
			b.writeOut()
			return
		}
	}
}

func (b *Batcher) writeOut() {
	b.mu.Lock()
	batch := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(batch) == 0 {
		return
	}
	if err := b.sink.Write(batch); err == nil {
		b.mu.Lock()
		b.written += len(batch)
		b.mu.Unlock()
	}
}

func (b *Batcher) Flush() {
	ack := make(chan struct{})
	select {
	case b.flush <- ack:
		<-ack
	case <-b.stop:
	}
}

func (b *Batcher) Close() int {
	close(b.stop)
	b.wg.Wait()
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.written
}
