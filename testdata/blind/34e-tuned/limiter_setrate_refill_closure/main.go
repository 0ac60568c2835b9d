// BAD: NewLimiter starts a refill goroutine (a closure) that reads l.rate on every
// tick; SetRate replaces l.rate without l.mu (and the closure reads it outside the
// lock too), so live rate changes race with the refill.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Limiter is a token bucket refilled in the background.
type Limiter struct {
	mu     sync.Mutex
	tokens int
	rate   rate
	stop   chan struct{}
}

type rate struct {
	perTick int
	burst   int
}

// NewLimiter returns a limiter that adds perTick tokens every tick, up to burst.
func NewLimiter(perTick, burst int, tick time.Duration) *Limiter {
	l := &Limiter{tokens: burst, rate: rate{perTick, burst}, stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				r := l.rate
				l.mu.Lock()
				l.tokens = min(l.tokens+r.perTick, r.burst)
				l.mu.Unlock()
			case <-l.stop:
				return
			}
		}
	}()
	return l
}

// Allow takes one token if available.
func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.tokens == 0 {
		return false
	}
	l.tokens--
	return true
}

// SetRate changes the refill rate of a running limiter.
func (l *Limiter) SetRate(perTick, burst int) {
	if burst < perTick {
		burst = perTick
	}
	l.rate = rate{perTick: perTick, burst: burst} // want "without a lock"
}

// Stop ends the refill goroutine.
func (l *Limiter) Stop() { close(l.stop) }

func main() {
	l := NewLimiter(1, 5, time.Millisecond)
	defer l.Stop()
	ok := 0
	for i := 0; i < 20; i++ {
		if l.Allow() {
			ok++
		}
	}
	l.SetRate(10, 50)
	time.Sleep(10 * time.Millisecond)
	for i := 0; i < 100; i++ {
		if l.Allow() {
			ok++
		}
	}
	fmt.Println("allowed:", ok)
}
