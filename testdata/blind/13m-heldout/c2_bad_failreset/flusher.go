package main

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"time"
)

var errStarted = errors.New("flusher already started")

type sink interface {
	Write(p []byte) (int, error)
}

// Flusher batches log lines and writes them to a sink periodically.
type Flusher struct {
	mu      sync.Mutex
	started bool
	buf     *bytes.Buffer
	every   time.Duration
	out     sink
	flushes int
}

func (f *Flusher) openSink(attempt int) (sink, error) {
	if attempt == 0 {
		return nil, errors.New("sink unavailable")
	}
	return new(bytes.Buffer), nil
}

// Start allocates the buffer, launches the flush loop and opens the sink.
func (f *Flusher) Start(every time.Duration, attempt int) error {
	f.mu.Lock()
	if f.started {
		f.mu.Unlock()
		return errStarted
	}
	f.started = true
	f.mu.Unlock()

	f.buf = new(bytes.Buffer)
	f.every = every
	go f.flushLoop()

	out, err := f.openSink(attempt)
	if err != nil {
		f.mu.Lock()
		f.started = false
		f.mu.Unlock()
		return err
	}
	f.mu.Lock()
	f.out = out
	f.mu.Unlock()
	return nil
}

func (f *Flusher) flushLoop() {
	for {
		f.mu.Lock()
		d := f.every
		f.mu.Unlock()
		time.Sleep(d)
		f.mu.Lock()
		if f.out != nil && f.buf.Len() > 0 {
			f.out.Write(f.buf.Bytes())
			f.buf.Reset()
			f.flushes++
		}
		f.mu.Unlock()
	}
}

func (f *Flusher) Log(line string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf.WriteString(line)
	f.buf.WriteByte('\n')
}

func (f *Flusher) Flushes() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.flushes
}

func main() {
	var f Flusher
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = f.Start(200*time.Microsecond, attempt); err == nil {
			break
		}
		fmt.Println("start failed:", err)
		time.Sleep(500 * time.Microsecond)
	}
	for i := 0; i < 20; i++ {
		f.Log(fmt.Sprintf("event %d", i))
		time.Sleep(100 * time.Microsecond)
	}
	fmt.Println("flushes:", f.Flushes())
}
