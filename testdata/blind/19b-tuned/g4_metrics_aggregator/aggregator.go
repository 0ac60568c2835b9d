// Correct: exported Flush/Reset hand requests to the loop over channels instead of touching the loop-owned counters map themselves.
package g4_metrics_aggregator

import (
	"errors"
	"sync"
	"time"
)

type Exporter func(map[string]int64) error

type status int

const (
	statusRunning status = iota
	statusDraining
	statusClosed
)

type Aggregator struct {
	export Exporter

	mu        sync.Mutex
	status    status
	exported  int
	lastFlush time.Time

	// loop-only
	counters map[string]int64
	failures int

	incCh   chan string
	flushCh chan chan error
	resetCh chan struct{}
	quit    chan struct{}
	done    chan struct{}
}

var ErrClosed = errors.New("aggregator closed")

func New(exp Exporter) *Aggregator {
	a := &Aggregator{
		export:   exp,
		counters: make(map[string]int64),
		incCh:    make(chan string, 128),
		flushCh:  make(chan chan error),
		resetCh:  make(chan struct{}),
		quit:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go a.loop()
	return a
}

func (a *Aggregator) setStatus(s status) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.status = s
	if s == statusDraining {
		a.failures = 0
	}
}

func (a *Aggregator) Inc(name string) { a.incCh <- name }

func (a *Aggregator) Flush() error {
	reply := make(chan error, 1)
	select {
	case a.flushCh <- reply:
		return <-reply
	case <-a.done:
		return ErrClosed
	}
}

func (a *Aggregator) Reset() {
	select {
	case a.resetCh <- struct{}{}:
	case <-a.done:
	}
}

func (a *Aggregator) Exported() (int, time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.exported, a.lastFlush
}

func (a *Aggregator) Close() {
	close(a.quit)
	<-a.done
	a.setStatus(statusClosed)
}

func (a *Aggregator) loop() {
	defer close(a.done)
	for {
		select {
		case n := <-a.incCh:
			a.counters[n]++
		case reply := <-a.flushCh:
			reply <- a.flush()
		case <-a.resetCh:
			a.counters = make(map[string]int64)
		case <-a.quit:
			a.setStatus(statusDraining)
			for len(a.incCh) > 0 {
				a.counters[<-a.incCh]++
			}
			_ = a.flush()
			return
		}
	}
}

func (a *Aggregator) flush() error {
	if len(a.counters) == 0 {
		return nil
	}
	if err := a.export(a.counters); err != nil {
		a.failures++
		return err
	}
	n := len(a.counters)
	a.counters = make(map[string]int64)
	a.mu.Lock()
	a.exported += n
	a.lastFlush = time.Now()
	a.mu.Unlock()
	return nil
}
