// Package wrapper: the senders are counted on a WaitGroup kept inside
// a small wrapper type of the package, whose own Add and Done forward
// to it; Close waits on it (a promoted Wait) before it closes.
package wrapper

import (
	"sync"
	"sync/atomic"
)

// opGroup counts live operations for metrics.
type opGroup struct {
	sync.WaitGroup
	live atomic.Int64
}

func (g *opGroup) Add(n int) {
	g.live.Add(int64(n))
	g.WaitGroup.Add(n)
}

func (g *opGroup) Done() {
	g.live.Add(-1)
	g.WaitGroup.Done()
}

func (g *opGroup) Size() int { return int(g.live.Load()) }

type fetcher struct {
	batches chan []byte
	dials   *opGroup
	writers sync.WaitGroup
}

func newFetcher() *fetcher {
	f := &fetcher{batches: make(chan []byte, 8), dials: new(opGroup)}
	f.writers.Add(1)
	go func() {
		defer f.writers.Done()
		for b := range f.batches {
			_ = b
		}
	}()
	return f
}

func (f *fetcher) Fetch(addr string) {
	f.dials.Add(1)
	go f.fetch(addr)
}

func (f *fetcher) fetch(addr string) {
	defer f.dials.Done()
	f.batches <- []byte(addr)
}

// Close: every fetch has sent (its Done follows its send) before Wait
// returns, so the close comes after the last send.
func (f *fetcher) Close() {
	f.dials.Wait()
	close(f.batches)
	f.writers.Wait()
}

// An exporter that waits on the wrong group: the retries', not the
// in-flight exports' that send.
type exporter struct {
	spans    chan string
	inflight opGroup
	retries  opGroup
}

func newExporter() *exporter {
	e := &exporter{spans: make(chan string)}
	go func() {
		for s := range e.spans {
			_ = s
		}
	}()
	return e
}

func (e *exporter) ExportAsync(s string) {
	e.inflight.Add(1)
	go func() {
		defer e.inflight.Done()
		e.spans <- s
	}()
}

func (e *exporter) Retry(s string) {
	e.retries.Add(1)
	go func() {
		defer e.retries.Done()
		_ = s
	}()
}

func (e *exporter) Close() {
	e.retries.Wait()
	close(e.spans) // want `e.spans closed while another goroutine may still send on it`
}
