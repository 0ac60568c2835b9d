package meter

import (
	"sync"
	"time"
)

type Observer interface {
	Rejected(client string)
}

type Limiter struct {
	mu      sync.Mutex
	window  time.Duration
	max     int
	history map[string][]time.Time
	obs     Observer
}

func NewLimiter(max int, window time.Duration) *Limiter {
	return &Limiter{
		max:     max,
		window:  window,
		history: make(map[string][]time.Time),
		obs:     newRejectCounter(),
	}
}

func (l *Limiter) Allow(client string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	cut := now.Add(-l.window)
	h := l.history[client]
	for len(h) > 0 && h[0].Before(cut) {
		h = h[1:]
	}
	if len(h) >= l.max {
		l.history[client] = h
		l.obs.Rejected(client)
		return false
	}
	l.history[client] = append(h, now)
	return true
}
