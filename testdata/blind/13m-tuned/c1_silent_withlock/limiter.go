package main

import (
	"fmt"
	"sync"
	"time"
)

type bucket struct {
	tokens float64
	last   time.Time
}

// Limiter is a per-key token bucket table.
type Limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	rate    float64
	burst   float64
	denied  int
	stop    chan struct{}
}

func NewLimiter(rate, burst float64) *Limiter {
	l := &Limiter{
		buckets: make(map[string]*bucket),
		rate:    rate,
		burst:   burst,
		stop:    make(chan struct{}),
	}
	go l.refillLoop(time.Millisecond)
	return l
}

func (l *Limiter) withLock(fn func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fn()
}

func (l *Limiter) take(key string, now time.Time) bool {
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	if b.tokens < 1 {
		l.denied++
		return false
	}
	b.tokens--
	return true
}

// refill tops up every bucket according to elapsed time.
func (l *Limiter) refill() {
	now := time.Now()
	for _, b := range l.buckets {
		b.tokens += now.Sub(b.last).Seconds() * l.rate
		if b.tokens > l.burst {
			b.tokens = l.burst
		}
		b.last = now
	}
}

func (l *Limiter) Allow(key string) bool {
	var ok bool
	l.withLock(func() { ok = l.take(key, time.Now()) })
	return ok
}

func (l *Limiter) Reset(key string) {
	l.withLock(func() { delete(l.buckets, key) })
}

func (l *Limiter) refillLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			l.withLock(l.refill)
		}
	}
}

func (l *Limiter) Denied() int {
	var n int
	l.withLock(func() { n = l.denied })
	return n
}

func (l *Limiter) Close() { close(l.stop) }

func main() {
	l := NewLimiter(1000, 5)
	defer l.Close()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			key := fmt.Sprintf("client-%d", i%2)
			for j := 0; j < 100; j++ {
				l.Allow(key)
				if j == 50 {
					l.Reset(key)
				}
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("denied:", l.Denied())
}
