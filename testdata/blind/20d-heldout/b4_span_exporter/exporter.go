package b4_span_exporter

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

type Span struct {
	TraceID  [16]byte
	SpanID   [8]byte
	Name     string
	Start    time.Time
	Duration time.Duration
}

// Uploader ships spans to the collector.
type Uploader interface {
	Upload(ctx context.Context, spans []Span) error
}

// tracked is a WaitGroup that also reports how many operations are live.
type tracked struct {
	sync.WaitGroup
	n atomic.Int64
}

func (t *tracked) Add(d int)   { t.n.Add(int64(d)); t.WaitGroup.Add(d) }
func (t *tracked) Done()       { t.n.Add(-1); t.WaitGroup.Done() }
func (t *tracked) Live() int64 { return t.n.Load() }

type Exporter struct {
	up       Uploader
	spans    chan []Span
	inflight *tracked // ExportAsync goroutines
	retries  *tracked // background retry uploads
	writers  sync.WaitGroup
}

func NewExporter(up Uploader, workers int) *Exporter {
	e := &Exporter{
		up:       up,
		spans:    make(chan []Span, 64),
		inflight: &tracked{},
		retries:  &tracked{},
	}
	for i := 0; i < workers; i++ {
		e.writers.Add(1)
		go e.upload()
	}
	return e
}

func (e *Exporter) upload() {
	defer e.writers.Done()
	for batch := range e.spans {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if err := e.up.Upload(ctx, batch); err != nil {
			e.retryLater(batch)
		}
		cancel()
	}
}

func (e *Exporter) retryLater(batch []Span) {
	e.retries.Add(1)
	go func() {
		defer e.retries.Done()
		time.Sleep(time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = e.up.Upload(ctx, batch)
	}()
}

// ExportAsync copies spans and queues them without blocking the caller.
func (e *Exporter) ExportAsync(spans []Span) {
	cp := append([]Span(nil), spans...)
	e.inflight.Add(1)
	go func() {
		defer e.inflight.Done()
		e.spans <- cp
	}()
}

// Pending reports queued-but-unsent export operations.
func (e *Exporter) Pending() int64 { return e.inflight.Live() }

// Close drains the exporter.
func (e *Exporter) Close() {
	e.retries.Wait()
	close(e.spans) // BAD: waits on retries, not on inflight; ExportAsync goroutines may still send on spans
	e.writers.Wait()
	e.retries.Wait()
}
