package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// AsyncLogger buffers log lines and writes them from a single writer goroutine.
// A heartbeat goroutine periodically emits a liveness line.
type AsyncLogger struct {
	out     io.Writer
	entries chan string
	quit    chan struct{}
	done    chan struct{}
	prefix  string
}

func NewAsyncLogger(out io.Writer, prefix string, heartbeat time.Duration) *AsyncLogger {
	l := &AsyncLogger{
		out:     out,
		entries: make(chan string, 64),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
		prefix:  prefix,
	}
	go l.writeLoop()
	go l.heartbeat(heartbeat)
	return l
}

func (l *AsyncLogger) writeLoop() {
	defer close(l.done)
	for e := range l.entries {
		fmt.Fprintf(l.out, "%s %s\n", l.prefix, e)
	}
}

func (l *AsyncLogger) heartbeat(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.quit:
			return
		case now := <-t.C:
			line := "heartbeat " + now.Format(time.RFC3339Nano)
			l.entries <- line
		}
	}
}

// Close stops the heartbeat, flushes pending entries and waits for the writer.
func (l *AsyncLogger) Close() {
	close(l.quit)
	close(l.entries)
	<-l.done
}

func main() {
	var sb strings.Builder
	log := NewAsyncLogger(&sb, "[svc]", time.Millisecond)
	for i := 0; i < 5; i++ {
		time.Sleep(700 * time.Microsecond)
	}
	log.Close()
	lines := strings.Count(sb.String(), "\n")
	fmt.Fprintf(os.Stdout, "wrote %d lines\n", lines)
}
