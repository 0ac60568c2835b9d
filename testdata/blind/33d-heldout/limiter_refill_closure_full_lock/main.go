// BAD: the refill loop holds the limiter's full lock and its closure adds to b.tokens
// without b.mu, yet Allow consumes b.tokens under b.mu after l.mu was released, so the
// limiter lock does not exclude Allow and tokens are updated racily.
package main

import (
	"fmt"
	"sync"
	"time"
)

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

type Limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	rate    int
	burst   int
	quit    chan struct{}
}

func NewLimiter(rate, burst int, every time.Duration) *Limiter {
	l := &Limiter{buckets: make(map[string]*bucket), rate: rate, burst: burst, quit: make(chan struct{})}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		refill := func(b *bucket) {
			if b.tokens < b.burst {
				b.tokens += l.rate // want "without holding"
			}
		}
		for {
			select {
			case <-l.quit:
				return
			case <-t.C:
				l.mu.Lock()
				for _, b := range l.buckets {
					refill(b)
				}
				l.mu.Unlock()
			}
		}
	}()
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

func (l *Limiter) Allow(key string) bool {
	return l.bucketFor(key).take()
}

func (l *Limiter) Remaining(key string) int {
	return l.bucketFor(key).available()
}

func (l *Limiter) Stop() { close(l.quit) }

func main() {
	l := NewLimiter(2, 5, 2*time.Millisecond)
	defer l.Stop()
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if l.Allow(fmt.Sprintf("client-%d", i%3)) {
					mu.Lock()
					allowed++
					mu.Unlock()
				}
				time.Sleep(500 * time.Microsecond)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("allowed:", allowed, "remaining:", l.Remaining("client-0"))
}
