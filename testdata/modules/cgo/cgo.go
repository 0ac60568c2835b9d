// Package cgo calls C. cmd/cgo rewrites this file before vet tools see
// it; its bugs must still be reported, at their places in this file.
package cgo

// static int twice(int x) { return 2 * x; }
import "C"

import (
	"context"
	"sync"
	"time"
)

// Twice doubles each value in C, concurrently.
func Twice(xs []int) {
	var wg sync.WaitGroup
	for i := range xs {
		go func() {
			wg.Add(1) // finding: waitgroupadd
			defer wg.Done()
			xs[i] = int(C.twice(C.int(xs[i])))
		}()
	}
	wg.Wait()
}

// Counter counts under a mutex, but Inc forgets it.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() { c.n++ } // finding: unlockedwrite

func (c *Counter) Add(d int) {
	c.mu.Lock()
	c.n += d
	c.mu.Unlock()
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func (c *Counter) Reset() {
	c.mu.Lock()
	c.n = 0
	c.mu.Unlock()
}

// Deadline returns when ctx's deadline, at most a second away, is.
func Deadline(ctx context.Context) time.Time {
	ctx, _ = context.WithTimeout(ctx, time.Second) // finding: missingcancel
	d, _ := ctx.Deadline()
	return d
}
