// GOOD: the refill goroutine walks the buckets under Limiter.mu but adds tokens
// through refill, which takes the bucket's own mu around the write, so it is
// serialized with Allow's decrement under b.mu.
package main

import (
	"fmt"
	"sync"
	"time"
)

type bucket struct {
	mu     sync.Mutex
	tokens float64
	last   time.Time
}

func (b *bucket) take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (b *bucket) level() float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.tokens
}

// refill tops the bucket up according to elapsed time, capped at burst.
func refill(b *bucket, now time.Time, perSec, burst float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens += now.Sub(b.last).Seconds() * perSec
	if b.tokens > burst {
		b.tokens = burst
	}
	b.last = now
}

// KeyedLimiter rate-limits requests per API key.
type KeyedLimiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	perSec  float64
	burst   float64
	quit    chan struct{}
}

func NewKeyedLimiter(perSec, burst float64) *KeyedLimiter {
	l := &KeyedLimiter{buckets: map[string]*bucket{}, perSec: perSec, burst: burst, quit: make(chan struct{})}
	go l.run(5 * time.Millisecond)
	return l
}

func (l *KeyedLimiter) lookup(key string) *bucket {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: time.Now()}
		l.buckets[key] = b
	}
	return b
}

func (l *KeyedLimiter) Allow(key string) bool { return l.lookup(key).take() }

func (l *KeyedLimiter) run(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.quit:
			return
		case now := <-t.C:
			l.mu.Lock()
			for _, b := range l.buckets {
				refill(b, now, l.perSec, l.burst)
			}
			l.mu.Unlock()
		}
	}
}

func (l *KeyedLimiter) Close() { close(l.quit) }

func main() {
	l := NewKeyedLimiter(200, 10)
	defer l.Close()
	keys := []string{"key-a", "key-b"}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			ok := 0
			for j := 0; j < 60; j++ {
				if l.Allow(k) {
					ok++
				}
				time.Sleep(200 * time.Microsecond)
			}
			fmt.Println(k, "allowed", ok)
		}(keys[i%2])
	}
	wg.Wait()
	fmt.Printf("key-a level %.1f\n", l.lookup("key-a").level())
}
