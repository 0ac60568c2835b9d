package health

import (
	"sync"
	"time"
)

type latencies struct {
	mu    sync.Mutex
	worst map[string]time.Duration
}

func (l *latencies) observe(url string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.worst == nil {
		l.worst = make(map[string]time.Duration)
	}
	if d > l.worst[url] {
		l.worst[url] = d
	}
}

func (l *latencies) Worst(url string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.worst[url]
}
