// Package metrics batches metric samples and flushes them to a sink from a
// background goroutine.
package metrics

import (
	"context"
	"time"
)

type Sample struct {
	Name  string
	Value float64
	Tags  map[string]string
}

type Sink interface {
	Write(batch []Sample) error
}

// Emitter accepts samples from any goroutine and flushes them in batches.
type Emitter struct {
	ctx     context.Context
	cancel  context.CancelFunc
	samples chan Sample
	flushed chan struct{}
	sink    Sink
	every   time.Duration
}

func NewEmitter(parent context.Context, sink Sink, every time.Duration) *Emitter {
	ctx, cancel := context.WithCancel(parent)
	e := &Emitter{
		ctx:     ctx,
		cancel:  cancel,
		samples: make(chan Sample, 256),
		flushed: make(chan struct{}),
		sink:    sink,
		every:   every,
	}
	go e.loop()
	return e
}

// Emit records one sample. It drops the sample if the emitter is stopped.
func (e *Emitter) Emit(s Sample) {
	select {
	case e.samples <- s:
	case <-e.ctx.Done():
	}
}

func (e *Emitter) loop() {
	defer close(e.flushed)
	t := time.NewTicker(e.every)
	defer t.Stop()
	var batch []Sample
	for {
		select {
		case s := <-e.samples:
			batch = append(batch, s)
		case <-t.C:
			if len(batch) > 0 {
				_ = e.sink.Write(batch)
				batch = nil
			}
		case <-e.ctx.Done():
			if len(batch) > 0 {
				_ = e.sink.Write(batch)
			}
			return
		}
	}
}

// Stop flushes pending samples and releases the emitter's resources.
func (e *Emitter) Stop() {
	e.cancel()
	<-e.flushed
	close(e.samples)
}
