// BAD: the refill goroutine walks the buckets holding only Limiter.mu and adds
// tokens to b.tokens directly, while Allow callers decrement it under b.mu after
// releasing Limiter.mu, so the two writes race.
package main

import (
	"fmt"
	"sync"
	"time"
)

// bucket is a token bucket for a single client key.
type bucket struct {
	mu     sync.Mutex
	tokens int
	burst  int
}

func (b *bucket) take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}

func (b *bucket) available() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}

// Limiter hands out one bucket per key and refills them periodically.
type Limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	rate    int
	burst   int
	stop    chan struct{}
}

func NewLimiter(rate, burst int, every time.Duration) *Limiter {
	l := &Limiter{
		buckets: make(map[string]*bucket),
		rate:    rate,
		burst:   burst,
		stop:    make(chan struct{}),
	}
	go l.refillLoop(every)
	return l
}

func (l *Limiter) bucketFor(key string) *bucket {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, burst: l.burst}
		l.buckets[key] = b
	}
	return b
}

// Allow reports whether the client identified by key may proceed.
func (l *Limiter) Allow(key string) bool {
	return l.bucketFor(key).take()
}

func (l *Limiter) refillLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		l.mu.Lock()
		for _, b := range l.buckets {
			b.tokens += l.rate // want "without holding"
		}
		l.mu.Unlock()
	}
}

func (l *Limiter) Close() { close(l.stop) }

func main() {
	l := NewLimiter(2, 5, 10*time.Millisecond)
	defer l.Close()

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			key := fmt.Sprintf("client-%d", id%2)
			allowed := 0
			for j := 0; j < 50; j++ {
				if l.Allow(key) {
					allowed++
				}
				time.Sleep(time.Millisecond)
			}
			fmt.Printf("worker %d: %d allowed\n", id, allowed)
		}(i)
	}
	wg.Wait()
	fmt.Println("client-0 left:", l.bucketFor("client-0").available())
}
