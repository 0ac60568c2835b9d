package rangeclose

import (
	"fmt"
	"io"
	"sync"
)

type Metric struct {
	Name  string
	Value float64
}

type Exporter struct {
	mu     sync.RWMutex
	closed bool
	points chan Metric
	done   chan struct{}
}

func NewExporter(w io.Writer) *Exporter {
	e := &Exporter{
		points: make(chan Metric, 16),
		done:   make(chan struct{}),
	}
	go e.export(w)
	return e
}

func (e *Exporter) export(w io.Writer) {
	defer close(e.done)
	for m := range e.points {
		fmt.Fprintf(w, "%s %g\n", m.Name, m.Value)
	}
}

func (e *Exporter) Record(name string, v float64) bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.closed {
		return false
	}
	e.points <- Metric{Name: name, Value: v}
	return true
}

func (e *Exporter) Close() {
	e.mu.Lock()
	if !e.closed {
		e.closed = true
		close(e.points)
	}
	e.mu.Unlock()
	<-e.done
}
