package main

import (
	"fmt"
	"strings"
	"sync"
)

// LogLine is one parsed line from an access log.
type LogLine struct {
	Method string
	Path   string
	Status int
}

// StatsCollector counts requests per status class.
type StatsCollector struct {
	in chan LogLine

	mu     sync.Mutex
	counts map[string]int
}

// NewStatsCollector starts the aggregation goroutine.
func NewStatsCollector() *StatsCollector {
	s := &StatsCollector{
		in:     make(chan LogLine, 32),
		counts: make(map[string]int),
	}
	go s.aggregate()
	return s
}

func (s *StatsCollector) aggregate() {
	for {
		line, ok := <-s.in
		if !ok {
			continue
		}
		class := fmt.Sprintf("%dxx", line.Status/100)
		s.mu.Lock()
		s.counts[class]++
		s.mu.Unlock()
	}
}

// Observe feeds a line to the collector.
func (s *StatsCollector) Observe(l LogLine) { s.in <- l }

// Close signals that no more lines will be observed.
func (s *StatsCollector) Close() { close(s.in) }

// Snapshot returns a copy of the counters.
func (s *StatsCollector) Snapshot() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

func parse(raw string) (LogLine, bool) {
	f := strings.Fields(raw)
	if len(f) != 3 {
		return LogLine{}, false
	}
	var status int
	if _, err := fmt.Sscan(f[2], &status); err != nil {
		return LogLine{}, false
	}
	return LogLine{Method: f[0], Path: f[1], Status: status}, true
}

func main() {
	sc := NewStatsCollector()
	for _, raw := range []string{"GET / 200", "POST /login 302", "GET /missing 404", "bad line"} {
		if l, ok := parse(raw); ok {
			sc.Observe(l)
		}
	}
	sc.Close()
	fmt.Println(sc.Snapshot())
}
