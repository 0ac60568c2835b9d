// GOOD: every caller keeps Table.mu read-locked for as long as it uses a counter,
// and Reset takes Table.mu's write lock, so no counter method can run while Reset
// zeroes c.n directly; c.mu only serializes concurrent readers among themselves.
package main

import (
	"fmt"
	"sync"
)

// counter is a per-status-code response counter.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// Table holds one counter per HTTP status code. The set of codes is fixed.
type Table struct {
	mu       sync.RWMutex
	counters map[int]*counter
}

func NewTable(codes ...int) *Table {
	t := &Table{counters: make(map[int]*counter)}
	for _, c := range codes {
		t.counters[c] = &counter{}
	}
	return t
}

// Observe records one response; the read lock is held while the counter is used.
func (t *Table) Observe(code int) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if c, ok := t.counters[code]; ok {
		c.inc()
	}
}

func (t *Table) Count(code int) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if c, ok := t.counters[code]; ok {
		return c.get()
	}
	return 0
}

// Reset zeroes all counters at the start of a reporting window.
func (t *Table) Reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, c := range t.counters {
		c.n = 0
	}
}

func main() {
	codes := []int{200, 404, 500}
	t := NewTable(codes...)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 300; j++ {
				t.Observe(codes[(i*j)%len(codes)])
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 0; k < 3; k++ {
			t.Reset()
		}
	}()
	wg.Wait()
	for _, c := range codes {
		fmt.Printf("%d: %d\n", c, t.Count(c))
	}
}
