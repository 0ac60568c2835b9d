// GOOD: the unbuffered result channel is only abandoned when waitFor times out, and
// the test then calls t.Fatal, so a stranded sender can only exist in a failed test.
package ratelimit

import (
	"sync"
	"time"
)

// Limiter hands out tokens at a fixed rate, blocking callers until one is ready.
type Limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
}

// New returns a Limiter releasing one token per interval.
func New(interval time.Duration) *Limiter {
	return &Limiter{interval: interval}
}

// Wait blocks until the caller may proceed and returns the time it was admitted.
func (l *Limiter) Wait() time.Time {
	l.mu.Lock()
	now := time.Now()
	if l.next.Before(now) {
		l.next = now
	}
	at := l.next
	l.next = l.next.Add(l.interval)
	l.mu.Unlock()

	if d := time.Until(at); d > 0 {
		time.Sleep(d)
	}
	return at
}
