// Package clean is correct concurrent code: goconcheck must stay silent.
package clean

import (
	"context"
	"sync"
	"time"
)

// Queue is a FIFO whose Get blocks until an item is available.
type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

// New returns an empty queue.
func New() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Put appends v and wakes one waiter.
func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

// Get removes and returns the oldest item, waiting for one.
func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

// Square squares every input in its own goroutine and returns the sum.
func Square(ctx context.Context, in []int) int {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()

	var wg sync.WaitGroup
	results := make(chan int, len(in))
	for _, v := range in {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case results <- v * v:
			case <-ctx.Done():
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	return sum
}
