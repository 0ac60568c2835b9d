package throttle

import (
	"sync"
	"time"
)

// Bucket is a token bucket refilled at a fixed rate.
type Bucket struct {
	mu     sync.Mutex
	tokens int
	burst  int
}

// NewBucket returns a bucket that gains one token every interval, holding at
// most burst tokens.
func NewBucket(interval time.Duration, burst int) *Bucket {
	b := &Bucket{tokens: burst, burst: burst}
	t := time.NewTicker(interval)
	go func() {
		for range t.C {
			b.mu.Lock()
			if b.tokens < b.burst {
				b.tokens++
			}
			b.mu.Unlock()
		}
	}()
	return b
}

// Allow reports whether a token was available and consumes it.
func (b *Bucket) Allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}
