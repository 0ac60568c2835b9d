package solitude

import (
	"sync"
	"time"
)

// Limiter is the seen blind case c7_bad_setlimit: NewLimiter starts
// refill, which reads rate and burst under l.mu, so SetRate's writes
// race with it whenever they run.
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

func (l *Limiter) SetRate(rate, burst int) {
	l.rate = rate   // want `write to l.rate without holding l.mu, which the goroutine running refill holds when it accesses the field`
	l.burst = burst // want `write to l.burst without holding l.mu`
}

func (l *Limiter) Stop() { close(l.stop) }

// Meter starts no goroutine of its own: its setter is left to the
// usual evidence, which one locked reader is not.
type Meter struct {
	mu    sync.Mutex
	scale int
}

func (m *Meter) Read(v int) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return v * m.scale
}

func (m *Meter) SetScale(s int) { m.scale = s }
