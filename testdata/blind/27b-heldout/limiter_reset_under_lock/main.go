// GOOD: Reset runs while the refill goroutine is still active, but it clears the
// bucket map and counter while holding l.mu, the same lock the refill loop uses.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Limiter is a per-client token bucket rate limiter. Safe for concurrent use.
type Limiter struct {
	mu       sync.Mutex
	buckets  map[string]int
	rejected int
	capacity int

	done chan struct{}
	wg   sync.WaitGroup
}

func NewLimiter(capacity int, refill time.Duration) *Limiter {
	l := &Limiter{
		buckets:  make(map[string]int),
		capacity: capacity,
		done:     make(chan struct{}),
	}
	l.wg.Add(1)
	go l.refillLoop(refill)
	return l
}

func (l *Limiter) refillLoop(every time.Duration) {
	defer l.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.done:
			return
		case <-t.C:
			l.mu.Lock()
			for k, v := range l.buckets {
				if v < l.capacity {
					l.buckets[k] = v + 1
				}
			}
			l.mu.Unlock()
		}
	}
}

func (l *Limiter) Allow(client string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	tokens, ok := l.buckets[client]
	if !ok {
		tokens = l.capacity
	}
	if tokens == 0 {
		l.rejected++
		return false
	}
	l.buckets[client] = tokens - 1
	return true
}

// Reset forgets all clients. It may be called while the limiter is in use.
func (l *Limiter) Reset() {
	l.mu.Lock()
	l.buckets = make(map[string]int)
	l.rejected = 0
	l.mu.Unlock()
}

func (l *Limiter) Rejected() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.rejected
}

func (l *Limiter) Stop() {
	close(l.done)
	l.wg.Wait()
}

func main() {
	l := NewLimiter(3, 5*time.Millisecond)
	defer l.Stop()
	for i := 0; i < 6; i++ {
		fmt.Println("allow", i, l.Allow("10.0.0.1"))
	}
	fmt.Println("rejected:", l.Rejected())
	l.Reset()
	fmt.Println("after reset:", l.Allow("10.0.0.1"), l.Rejected())
}
