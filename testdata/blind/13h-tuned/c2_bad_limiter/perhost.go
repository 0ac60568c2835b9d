package throttle

import (
	"sync"
	"time"
)

// PerHost hands out one Bucket per remote host.
type PerHost struct {
	mu       sync.Mutex
	buckets  map[string]*Bucket
	interval time.Duration
	burst    int
}

func NewPerHost(interval time.Duration, burst int) *PerHost {
	return &PerHost{buckets: make(map[string]*Bucket), interval: interval, burst: burst}
}

func (p *PerHost) Allow(host string) bool {
	p.mu.Lock()
	b, ok := p.buckets[host]
	if !ok {
		b = NewBucket(p.interval, p.burst)
		p.buckets[host] = b
	}
	p.mu.Unlock()
	return b.Allow()
}

// Forget drops the bucket of a host that went away.
func (p *PerHost) Forget(host string) {
	p.mu.Lock()
	delete(p.buckets, host)
	p.mu.Unlock()
}
