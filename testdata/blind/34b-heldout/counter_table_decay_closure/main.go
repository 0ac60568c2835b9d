// BAD: the decay goroutine's closure halves c.n while the goroutine holds only
// Table.mu; Inc and Value update c.n under c.mu after dropping Table.mu, so the
// closure's store races with them.
package main

import (
	"fmt"
	"sync"
	"time"
)

// counter is a decaying hit counter for one route.
type counter struct {
	mu sync.Mutex
	n  int64
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) value() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// Table keeps per-route counters that decay over time.
type Table struct {
	mu       sync.RWMutex
	counters map[string]*counter
	done     chan struct{}
}

func NewTable(halfLife time.Duration) *Table {
	t := &Table{counters: make(map[string]*counter), done: make(chan struct{})}
	go t.decayLoop(halfLife)
	return t
}

func (t *Table) get(route string) *counter {
	t.mu.RLock()
	c := t.counters[route]
	t.mu.RUnlock()
	if c != nil {
		return c
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if c = t.counters[route]; c == nil {
		c = &counter{}
		t.counters[route] = c
	}
	return c
}

func (t *Table) Inc(route string)         { t.get(route).inc() }
func (t *Table) Value(route string) int64 { return t.get(route).value() }
func (t *Table) Stop()                    { close(t.done) }

func (t *Table) decayLoop(halfLife time.Duration) {
	halve := func(c *counter) {
		c.n = c.n / 2 // want "without holding"
	}
	tick := time.NewTicker(halfLife)
	defer tick.Stop()
	for {
		select {
		case <-t.done:
			return
		case <-tick.C:
			t.mu.Lock()
			for _, c := range t.counters {
				halve(c)
			}
			t.mu.Unlock()
		}
	}
}

func main() {
	t := NewTable(5 * time.Millisecond)
	defer t.Stop()

	routes := []string{"/login", "/search", "/cart"}
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				t.Inc(routes[(i+j)%len(routes)])
				if j%20 == 0 {
					time.Sleep(time.Millisecond)
				}
			}
		}(i)
	}
	wg.Wait()
	for _, r := range routes {
		fmt.Printf("%-8s %d\n", r, t.Value(r))
	}
}
