// BAD: Start launches a closure whose <-s.stopCh case only logs; after Shutdown closes stopCh the select
// keeps picking that case and the for loop never ends, so the goroutine leaks and spins.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
)

// LineSink appends log lines to a writer in the background.
type LineSink struct {
	lines  chan string
	stopCh chan struct{}
	once   sync.Once
	w      *bufio.Writer
	prefix string
}

// NewLineSink wraps f; every line is written with prefix.
func NewLineSink(f *os.File, prefix string) *LineSink {
	return &LineSink{
		lines:  make(chan string, 128),
		stopCh: make(chan struct{}),
		w:      bufio.NewWriter(f),
		prefix: prefix,
	}
}

// Start begins draining lines to the writer.
func (s *LineSink) Start() {
	go func() { // want "does not terminate|never terminates"
		for {
			select {
			case line := <-s.lines:
				s.write(line)
			case <-s.stopCh:
				log.Printf("linesink %q: shutdown requested", s.prefix)
			}
		}
	}()
}

func (s *LineSink) write(line string) {
	line = strings.TrimRight(line, "\n")
	if _, err := fmt.Fprintf(s.w, "%s %s\n", s.prefix, line); err != nil {
		log.Printf("linesink: write: %v", err)
		return
	}
	if len(s.lines) == 0 {
		s.w.Flush()
	}
}

// Printf queues a formatted line.
func (s *LineSink) Printf(format string, args ...any) {
	s.lines <- fmt.Sprintf(format, args...)
}

// Shutdown asks the sink to stop.
func (s *LineSink) Shutdown() {
	s.once.Do(func() { close(s.stopCh) })
}

func main() {
	sink := NewLineSink(os.Stdout, "[app]")
	sink.Start()
	defer sink.Shutdown()
	for i := 1; i <= 3; i++ {
		sink.Printf("processed batch %d", i)
	}
}
