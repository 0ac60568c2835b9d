// GOOD: the worker updates counters under t.mu but copies a snapshot and unlocks before sending it on t.progressCh,
// so Next can always take t.mu in markWaiting and then reach its receive.
package main

import (
	"fmt"
	"sync"
	"time"
)

type progress struct {
	done, total int
	current     string
}

type Tracker struct {
	mu         sync.Mutex
	done       int
	total      int
	current    string
	listeners  int
	progressCh chan progress
}

func NewTracker(total int) *Tracker {
	return &Tracker{total: total, progressCh: make(chan progress)}
}

func (t *Tracker) step(name string) {
	t.mu.Lock()
	t.done++
	t.current = name
	snap := progress{done: t.done, total: t.total, current: t.current}
	t.mu.Unlock()

	t.progressCh <- snap
}

// Run processes files on a background goroutine, reporting each step.
func (t *Tracker) Run(files []string) {
	go func() {
		for _, f := range files {
			time.Sleep(time.Millisecond) // pretend to copy f
			t.step(f)
		}
	}()
}

func (t *Tracker) markWaiting() {
	t.mu.Lock()
	t.listeners++
	t.mu.Unlock()
}

// Next blocks until the next step has been completed.
func (t *Tracker) Next() progress {
	t.markWaiting()
	p := <-t.progressCh
	t.mu.Lock()
	t.listeners--
	t.mu.Unlock()
	return p
}

func main() {
	files := []string{"a.txt", "b.txt", "c.txt", "d.txt"}
	t := NewTracker(len(files))
	t.Run(files)
	for range files {
		p := t.Next()
		fmt.Printf("[%d/%d] %s\n", p.done, p.total, p.current)
	}
}
