package limiter

import (
	"sync"
	"time"
)

// Limiter is a token bucket refilled by a background goroutine.
type Limiter struct {
	mu     sync.Mutex
	tokens float64
	burst  float64
	rate   float64 // tokens per second
	stop   chan struct{}
	done   chan struct{}
}

// New starts a limiter that refills every interval.
func New(rate, burst float64, interval time.Duration) *Limiter {
	l := &Limiter{tokens: burst, burst: burst, rate: rate, stop: make(chan struct{}), done: make(chan struct{})}
	go l.refill(interval)
	return l
}

func (l *Limiter) refill(interval time.Duration) {
	defer close(l.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	last := time.Now()
	for {
		select {
		case <-l.stop:
			return
		case now := <-t.C:
			l.mu.Lock()
			l.tokens += l.rate * now.Sub(last).Seconds()
			if l.tokens > l.burst {
				l.tokens = l.burst
			}
			l.mu.Unlock()
			last = now
		}
	}
}

// Allow takes one token if available.
func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.tokens < 1 {
		return false
	}
	l.tokens--
	return true
}

// SetRate changes the refill rate; the new rate applies from the next tick.
func (l *Limiter) SetRate(r float64) {
	if r < 0 {
		r = 0
	}
	l.rate = r
}

// Stop ends the refill goroutine.
func (l *Limiter) Stop() {
	close(l.stop)
	<-l.done
}
