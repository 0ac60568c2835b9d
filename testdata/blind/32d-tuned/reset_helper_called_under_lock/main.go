// GOOD: resetLocked writes the guarded fields without locking itself, but every caller
// (Allow on window rollover and the exported Reset) already holds l.mu when it calls
// it, so the writes are protected even though the limiter is shared.
package main

import (
	"fmt"
	"sync"
	"time"
)

type WindowLimiter struct {
	limit  int
	window time.Duration

	mu      sync.Mutex
	start   time.Time
	counts  map[string]int
	dropped int
}

func NewWindowLimiter(limit int, window time.Duration) *WindowLimiter {
	l := &WindowLimiter{limit: limit, window: window}
	l.mu.Lock()
	l.resetLocked(time.Now())
	l.mu.Unlock()
	return l
}

// resetLocked starts a new window. l.mu must be held.
func (l *WindowLimiter) resetLocked(now time.Time) {
	l.start = now
	l.counts = make(map[string]int)
	l.dropped = 0
}

func (l *WindowLimiter) Allow(client string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.start) >= l.window {
		l.resetLocked(now)
	}
	if l.counts[client] >= l.limit {
		l.dropped++
		return false
	}
	l.counts[client]++
	return true
}

func (l *WindowLimiter) Dropped() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.dropped
}

// Reset clears all counters immediately; operators call it from the admin API.
func (l *WindowLimiter) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.resetLocked(time.Now())
}

func main() {
	lim := NewWindowLimiter(5, 2*time.Millisecond)

	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			client := fmt.Sprintf("10.1.0.%d", n%3)
			for j := 0; j < 30; j++ {
				lim.Allow(client)
				time.Sleep(100 * time.Microsecond)
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(time.Millisecond)
		lim.Reset()
	}()
	wg.Wait()
	fmt.Println("dropped in current window:", lim.Dropped())
}
