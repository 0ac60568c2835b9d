// Class 7, BAD: NewLimiter already started the refill goroutine, which reads l.rate and l.burst under l.mu, so SetRate's writes without l.mu race with it (and SetRate may be called any number of times).
package c7_bad_setlimit

import (
	"sync"
	"time"
)

type Limiter struct {
	mu     sync.Mutex
	rate   int
	burst  int
	tokens int
	stop   chan struct{}
}

func NewLimiter(rate, burst int) *Limiter {
	l := &Limiter{rate: rate, burst: burst, tokens: burst, stop: make(chan struct{})}
	go l.refill()
	return l
}

func (l *Limiter) refill() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			l.mu.Lock()
			l.tokens += l.rate
			if l.tokens > l.burst {
				l.tokens = l.burst
			}
			l.mu.Unlock()
		case <-l.stop:
			return
		}
	}
}

func (l *Limiter) Allow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.tokens == 0 {
		return false
	}
	l.tokens--
	return true
}

// SetRate reconfigures the limiter at run time.
func (l *Limiter) SetRate(rate, burst int) {
	l.rate = rate   // WANT unlockedwrite
	l.burst = burst // WANT unlockedwrite
}

func (l *Limiter) Stop() { close(l.stop) }
