// BAD: process hands the scratch buffer back to the free list while the flush goroutine
// it started is still calling Lines on it; the next job pulls the same buffer and
// prepare overwrites sb.lines without sb.mu.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type scratch struct {
	mu    sync.Mutex
	lines []string
}

func (sb *scratch) Add(line string) {
	sb.mu.Lock()
	sb.lines = append(sb.lines, line)
	sb.mu.Unlock()
}

func (sb *scratch) Lines() []string {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	return append([]string(nil), sb.lines...)
}

func (sb *scratch) prepare() {
	sb.lines = sb.lines[:0] // want "without holding"
}

type LogShipper struct {
	free    chan *scratch
	out     chan string
	flushes sync.WaitGroup
}

func NewLogShipper(n int) *LogShipper {
	s := &LogShipper{free: make(chan *scratch, n), out: make(chan string, 64)}
	for i := 0; i < n; i++ {
		s.free <- &scratch{}
	}
	return s
}

func (s *LogShipper) flush(sb *scratch) {
	s.flushes.Add(1)
	go func() {
		defer s.flushes.Done()
		s.out <- strings.Join(sb.Lines(), "\n")
	}()
}

func (s *LogShipper) process(batch []string) {
	sb := <-s.free
	sb.prepare()
	for _, l := range batch {
		if l != "" {
			sb.Add(strings.TrimSpace(l))
		}
	}
	s.flush(sb)
	s.free <- sb
}

func main() {
	s := NewLogShipper(2)
	done := make(chan struct{})
	go func() {
		for chunk := range s.out {
			fmt.Println("shipped", len(chunk), "bytes")
		}
		close(done)
	}()

	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			s.process([]string{fmt.Sprintf("job %d start", n), "", fmt.Sprintf("job %d end ", n)})
		}(i)
	}
	wg.Wait()
	s.flushes.Wait()
	close(s.out)
	<-done
}
