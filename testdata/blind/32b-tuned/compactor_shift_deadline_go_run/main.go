// BAD: the 8-hour shift deadline's cancel is thrown away while the context drives the long-running
// `go c.run(ctx)` worker, so nothing releases the timer or the parent registration before the deadline.
package main

import (
	"context"
	"log"
	"sync"
	"time"
)

type Segment struct {
	ID   int
	Size int
}

type Compactor struct {
	mu       sync.Mutex
	queue    []Segment
	merged   int
	interval time.Duration
}

func NewCompactor(interval time.Duration) *Compactor {
	return &Compactor{interval: interval}
}

func (c *Compactor) Enqueue(s Segment) {
	c.mu.Lock()
	c.queue = append(c.queue, s)
	c.mu.Unlock()
}

// StartShift runs compaction until the end of the maintenance shift.
func (c *Compactor) StartShift(parent context.Context, shift time.Duration) {
	end := time.Now().Add(shift)
	ctx, _ := context.WithDeadline(parent, end) // want "never called"
	log.Printf("compaction shift until %s", end.Format(time.Kitchen))
	go c.run(ctx)
}

func (c *Compactor) run(ctx context.Context) {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			log.Printf("compaction shift over: %v", ctx.Err())
			return
		case <-t.C:
			c.compactOnce()
		}
	}
}

func (c *Compactor) compactOnce() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.queue) < 2 {
		return
	}
	a, b := c.queue[0], c.queue[1]
	c.queue = append([]Segment{{ID: a.ID, Size: a.Size + b.Size}}, c.queue[2:]...)
	c.merged++
}

func (c *Compactor) Merged() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.merged
}

func main() {
	c := NewCompactor(10 * time.Millisecond)
	for i := 0; i < 6; i++ {
		c.Enqueue(Segment{ID: i, Size: 1 << i})
	}
	c.StartShift(context.Background(), 8*time.Hour)
	time.Sleep(100 * time.Millisecond)
	log.Printf("merged %d segments", c.Merged())
}
