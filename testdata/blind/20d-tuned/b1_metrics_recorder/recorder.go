package b1_metrics_recorder

import (
	"bufio"
	"fmt"
	"io"
	"sync"
	"time"
)

// Sample is a single metric observation.
type Sample struct {
	Name  string
	Value float64
	At    time.Time
}

// Recorder buffers samples and writes them out from a pool of writer goroutines.
type Recorder struct {
	records chan Sample
	out     *bufio.Writer
	mu      sync.Mutex // guards out
	writers sync.WaitGroup
	closeMu sync.Once
}

// NewRecorder starts n writer goroutines that drain samples into w.
func NewRecorder(w io.Writer, n, buffer int) *Recorder {
	if n <= 0 {
		n = 1
	}
	r := &Recorder{
		records: make(chan Sample, buffer),
		out:     bufio.NewWriter(w),
	}
	for i := 0; i < n; i++ {
		r.writers.Add(1)
		go r.writeLoop()
	}
	return r
}

func (r *Recorder) writeLoop() {
	defer r.writers.Done()
	for s := range r.records {
		r.mu.Lock()
		fmt.Fprintf(r.out, "%s %g %d\n", s.Name, s.Value, s.At.UnixNano())
		r.mu.Unlock()
	}
}

// Record is called concurrently by request handlers.
func (r *Recorder) Record(name string, v float64) {
	r.records <- Sample{Name: name, Value: v, At: time.Now()}
}

// Time records the duration of fn under name.
func (r *Recorder) Time(name string, fn func()) {
	start := time.Now()
	fn()
	r.Record(name, time.Since(start).Seconds())
}

// Close stops accepting samples and flushes what was buffered.
func (r *Recorder) Close() error {
	var err error
	r.closeMu.Do(func() {
		close(r.records) // BAD: Record callers are not tracked; an in-flight Record may still send on the closed channel
		r.writers.Wait()
		r.mu.Lock()
		err = r.out.Flush()
		r.mu.Unlock()
	})
	return err
}
