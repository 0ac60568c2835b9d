// Package batch groups published events into batches and writes each
// batch to a sink, either when it is full or when the flush interval
// elapses.
package batch

import (
	"log"
	"sync"
	"time"
)

// Event is a single metric or log record.
type Event struct {
	Name  string
	Value float64
	At    time.Time
}

// Sink persists a batch of events.
type Sink interface {
	WriteBatch([]Event) error
}

// Batcher collects events from Publish and flushes them to a Sink.
type Batcher struct {
	events  chan Event
	flushed chan int

	inFlight sync.WaitGroup
	sink     Sink
	size     int
	interval time.Duration
}

func New(sink Sink, size int, interval time.Duration) *Batcher {
	b := &Batcher{
		events:   make(chan Event, size),
		flushed:  make(chan int, 1),
		sink:     sink,
		size:     size,
		interval: interval,
	}
	go b.run()
	return b
}

// Publish queues an event for the next batch.
func (b *Batcher) Publish(e Event) {
	b.inFlight.Add(1)
	b.events <- e
}

// Flushed reports the size of each batch written, for metrics. Only the
// most recent value is kept if nobody is reading.
func (b *Batcher) Flushed() <-chan int { return b.flushed }

func (b *Batcher) run() {
	ticker := time.NewTicker(b.interval)
	defer ticker.Stop()
	buf := make([]Event, 0, b.size)
	for {
		select {
		case e, ok := <-b.events:
			if !ok {
				return
			}
			buf = append(buf, e)
			if len(buf) >= b.size {
				buf = b.flush(buf)
			}
		case <-ticker.C:
			if len(buf) > 0 {
				buf = b.flush(buf)
			}
		}
	}
}

func (b *Batcher) flush(buf []Event) []Event {
	if err := b.sink.WriteBatch(buf); err != nil {
		log.Printf("batch: dropping %d events: %v", len(buf), err)
	}
	n := len(buf)
	for range buf {
		b.inFlight.Done()
	}
	select {
	case b.flushed <- n:
	default:
	}
	return buf[:0]
}

// Close waits until every published event has been written and stops
// the batcher.
func (b *Batcher) Close() {
	b.inFlight.Wait()
	close(b.events)
	close(b.flushed)
}
