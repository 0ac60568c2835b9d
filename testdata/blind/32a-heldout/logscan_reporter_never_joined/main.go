// BAD: Scan starts a progress reporter goroutine that reads s.err under s.mu and never joins it;
// when the line scanner fails, Scan stores s.err without the lock while the reporter may still
// be running.
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// LogScanner counts error lines in a log stream and prints periodic status.
type LogScanner struct {
	mu       sync.Mutex
	lines    int
	errLines int
	err      error
	interval time.Duration
	out      io.Writer
}

func NewLogScanner(out io.Writer, interval time.Duration) *LogScanner {
	return &LogScanner{out: out, interval: interval}
}

func (s *LogScanner) status() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return fmt.Sprintf("failed after %d lines: %v", s.lines, s.err)
	}
	return fmt.Sprintf("%d lines, %d errors", s.lines, s.errLines)
}

func (s *LogScanner) report(stop <-chan struct{}) {
	t := time.NewTicker(s.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			fmt.Fprintln(s.out, "scan:", s.status())
		case <-stop:
			fmt.Fprintln(s.out, "scan done:", s.status())
			return
		}
	}
}

// Scan reads r to the end and returns the number of ERROR lines.
func (s *LogScanner) Scan(r io.Reader) (int, error) {
	stop := make(chan struct{})
	defer close(stop)
	go s.report(stop)

	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64), 64)
	for sc.Scan() {
		line := sc.Text()
		s.mu.Lock()
		s.lines++
		if strings.Contains(line, "ERROR") {
			s.errLines++
		}
		s.mu.Unlock()
	}
	if err := sc.Err(); err != nil {
		s.err = fmt.Errorf("read log: %w", err) // want "without holding|races with|no lock"
		return 0, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	return s.errLines, nil
}

// slowReader simulates tailing a remote log that trickles in.
type slowReader struct {
	r     io.Reader
	delay time.Duration
}

func (s slowReader) Read(p []byte) (int, error) {
	time.Sleep(s.delay)
	if len(p) > 16 {
		p = p[:16]
	}
	return s.r.Read(p)
}

func main() {
	input := "INFO boot\nERROR disk full\nINFO retry\n" + strings.Repeat("x", 200) + "\n"
	s := NewLogScanner(io.Discard, time.Millisecond)
	n, err := s.Scan(slowReader{strings.NewReader(input), 2 * time.Millisecond})
	fmt.Println("errors:", n, "err:", err)
	time.Sleep(5 * time.Millisecond)
}
