// Correct: the exported drain helper registers a Cleanup that closes stop, so each call's goroutine exits when its test ends.
package g4_testutil_sink

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Metric is a single sample emitted by instrumented code.
type Metric struct {
	Name  string
	Value float64
}

// Sink is what instrumented components publish metrics and logs to.
type Sink struct {
	Metrics chan Metric
	Logs    chan string
}

// NullSink returns a Sink that discards everything for the duration of tb.
// It counts what it dropped so tests can assert that something was emitted.
func NullSink(tb testing.TB) (*Sink, *atomic.Int64) {
	tb.Helper()
	s := &Sink{Metrics: make(chan Metric, 16), Logs: make(chan string, 16)}
	var dropped atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-s.Metrics:
				dropped.Add(1)
			case <-s.Logs:
				dropped.Add(1)
			case <-stop:
				return
			}
		}
	}()
	tb.Cleanup(func() {
		close(stop)
		wg.Wait()
	})
	return s, &dropped
}

// Emit is a tiny instrumented operation used by the package's own tests.
func Emit(s *Sink, name string, v float64) {
	s.Metrics <- Metric{Name: name, Value: v}
	s.Logs <- "emitted " + name
}
