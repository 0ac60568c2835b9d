// Package b1_catalog_loader loads catalog records in stages and reports
// which ones were loaded, skipped or rejected.
package b1_catalog_loader

import (
	"fmt"
	"strings"
	"sync"
)

type Record struct {
	SKU   string
	Title string
}

type failure struct {
	line string
	err  error
}

type Report struct {
	Loaded  []Record
	Skipped []string
	Failed  map[string]error
}

type Loader struct {
	workers int

	mu    sync.Mutex
	store map[string]Record
}

func NewLoader(workers int) *Loader {
	if workers < 1 {
		workers = 1
	}
	return &Loader{workers: workers, store: make(map[string]Record)}
}

// Load runs every stage through the worker pool and collects the outcome.
func (l *Loader) Load(stages [][]string) *Report {
	loaded := make(chan Record)
	skipped := make(chan string)
	failed := make(chan failure)
	rep := &Report{Failed: make(map[string]error)}

	var collectors sync.WaitGroup
	collectors.Add(3)
	go func() {
		defer collectors.Done()
		for r := range loaded {
			rep.Loaded = append(rep.Loaded, r)
		}
	}()
	go func() {
		defer collectors.Done()
		for s := range skipped {
			rep.Skipped = append(rep.Skipped, s)
		}
	}()
	go func() {
		defer collectors.Done()
		for f := range failed {
			rep.Failed[f.line] = f.err
		}
	}()

	for _, lines := range stages {
		l.runStage(lines, loaded, skipped, failed)
	}

	close(loaded)  // BAD: runStage returned after the first worker's signal; other workers may still send on loaded
	close(skipped) // BAD: stage workers may still be sending on skipped
	close(failed)  // BAD: stage workers may still be sending on failed
	collectors.Wait()
	return rep
}

// runStage fans the lines out to the pool and returns once the stage is
// under way (the first worker reports in).
func (l *Loader) runStage(lines []string, loaded chan<- Record, skipped chan<- string, failed chan<- failure) {
	if len(lines) == 0 {
		return
	}
	jobs := make(chan string)
	ready := make(chan struct{}, 1)
	for i := 0; i < l.workers; i++ {
		go func() {
			for line := range jobs {
				l.handle(line, loaded, skipped, failed)
				select {
				case ready <- struct{}{}:
				default:
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, line := range lines {
			jobs <- line
		}
	}()
	<-ready
}

func (l *Loader) handle(line string, loaded chan<- Record, skipped chan<- string, failed chan<- failure) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		skipped <- line
		return
	}
	sku, title, ok := strings.Cut(line, "|")
	if !ok || sku == "" {
		failed <- failure{line: line, err: fmt.Errorf("malformed record %q", line)}
		return
	}
	rec := Record{SKU: sku, Title: title}
	l.mu.Lock()
	l.store[sku] = rec
	l.mu.Unlock()
	loaded <- rec
}
