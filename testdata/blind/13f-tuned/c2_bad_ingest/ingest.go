// Package ingest batches metric records into a backing store.
package ingest

import (
	"errors"
	"sync"
	"time"
)

var ErrClosed = errors.New("ingest: closed")

type Record struct {
	Series string
	At     time.Time
	Value  float64
}

type Store interface {
	Append(batch []Record) error
}

type Ingestor struct {
	store Store
	max   int

	mu      sync.Mutex
	closed  bool
	records chan Record
	stopC   chan struct{}
	done    chan struct{}
}

func New(store Store, batch int) *Ingestor {
	in := &Ingestor{
		store:   store,
		max:     batch,
		records: make(chan Record, 256),
		stopC:   make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	go in.loop()
	return in
}

func (in *Ingestor) Submit(r Record) error {
	in.mu.Lock()
	if in.closed {
		in.mu.Unlock()
		return ErrClosed
	}
	in.mu.Unlock()
	in.records <- r
	return nil
}

func (in *Ingestor) Close() {
	in.mu.Lock()
	if in.closed {
		in.mu.Unlock()
		return
	}
	in.closed = true
	in.stopC <- struct{}{}
	in.mu.Unlock()
	<-in.done
}

func (in *Ingestor) loop() {
	defer close(in.done)
	var pending []Record
	flush := func() {
		if len(pending) > 0 {
			_ = in.store.Append(pending)
			pending = nil
		}
	}
	for {
		select {
		case r := <-in.records:
			pending = append(pending, r)
			if len(pending) >= in.max {
				flush()
			}
		case <-in.stopC:
			close(in.stopC)
			close(in.records)
			for r := range in.records {
				pending = append(pending, r)
			}
			flush()
			return
		}
	}
}
