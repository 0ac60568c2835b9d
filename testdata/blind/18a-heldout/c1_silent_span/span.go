// Command spanexport batches tracing spans and hands each finished span to
// several exporters that run concurrently.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Attr struct {
	Key   string
	Value string
}

type Span struct {
	refs  atomic.Int32
	name  string
	start time.Time
	end   time.Time
	attrs []Attr
}

var spanPool = sync.Pool{New: func() any { return new(Span) }}

// StartSpan returns a span owned by the caller with one reference.
func StartSpan(name string) *Span {
	s := spanPool.Get().(*Span)
	s.name = name
	s.start = time.Now()
	s.refs.Store(1)
	return s
}

func (s *Span) SetAttr(k, v string) {
	s.attrs = append(s.attrs, Attr{Key: k, Value: v})
}

func (s *Span) Finish() { s.end = time.Now() }

func (s *Span) Retain() { s.refs.Add(1) }

// Release drops a reference and recycles the span once nobody uses it.
func (s *Span) Release() {
	if s.refs.Add(-1) == 0 {
		s.recycle()
	}
}

func (s *Span) recycle() {
	s.name = ""
	s.attrs = s.attrs[:0]
	s.start, s.end = time.Time{}, time.Time{}
	spanPool.Put(s)
}

type Exporter interface {
	Export(s *Span)
}

type logExporter struct{ prefix string }

func (e logExporter) Export(s *Span) {
	fmt.Printf("%s %s %v attrs=%d\n", e.prefix, s.name, s.end.Sub(s.start), len(s.attrs))
}

type countingExporter struct{ n atomic.Int64 }

func (e *countingExporter) Export(s *Span) {
	e.n.Add(int64(len(s.attrs)))
}

// fanOut hands s to every exporter on its own goroutine.
func fanOut(s *Span, exporters []Exporter, wg *sync.WaitGroup) {
	for _, exp := range exporters {
		s.Retain()
		wg.Add(1)
		go func(exp Exporter) {
			defer wg.Done()
			defer s.Release()
			exp.Export(s)
		}(exp)
	}
	s.Release()
}

func main() {
	counter := &countingExporter{}
	exporters := []Exporter{logExporter{prefix: "[trace]"}, counter}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		s := StartSpan(fmt.Sprintf("request-%d", i))
		s.SetAttr("http.method", "GET")
		s.SetAttr("http.route", "/api/items")
		s.Finish()
		fanOut(s, exporters, &wg)
	}
	wg.Wait()
	fmt.Println("attrs exported:", counter.n.Load())
}
