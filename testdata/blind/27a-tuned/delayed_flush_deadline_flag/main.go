// GOOD: the deadline context is a one-shot delayed-flush timer; the cancel in flushTimer only marks that a flush is
// scheduled (nil-checked so one timer runs at a time, cleared when it fires), and the goroutine always waits until the deadline releases the context.
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

type BufferedLog struct {
	mu         sync.Mutex
	out        io.Writer
	buf        bytes.Buffer
	flushEvery time.Duration
	flushTimer context.CancelFunc
	flushed    sync.WaitGroup
}

func NewBufferedLog(out io.Writer, flushEvery time.Duration) *BufferedLog {
	return &BufferedLog{out: out, flushEvery: flushEvery}
}

func (l *BufferedLog) Printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, format+"\n", args...)
	l.scheduleFlushLocked()
}

// scheduleFlushLocked arms a single delayed flush; callers hold l.mu.
func (l *BufferedLog) scheduleFlushLocked() {
	if l.flushTimer != nil {
		return
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(l.flushEvery))
	l.flushTimer = cancel
	l.flushed.Add(1)
	go func() {
		defer l.flushed.Done()
		<-ctx.Done()
		l.mu.Lock()
		defer l.mu.Unlock()
		l.flushTimer = nil
		l.flushLocked()
	}()
}

func (l *BufferedLog) flushLocked() {
	if l.buf.Len() == 0 {
		return
	}
	if _, err := l.buf.WriteTo(l.out); err != nil {
		fmt.Fprintln(os.Stderr, "flush:", err)
	}
}

// Sync waits for any scheduled flush to complete.
func (l *BufferedLog) Sync() { l.flushed.Wait() }

func main() {
	lg := NewBufferedLog(os.Stdout, 20*time.Millisecond)
	for i := 0; i < 5; i++ {
		lg.Printf("request %d served", i)
	}
	lg.Sync()
	lg.Printf("shutting down")
	lg.Sync()
}
