// BAD: Release frees one slot but Broadcasts, so every blocked caller wakes; each
// checked `inflight >= max` only once under `if`, so they all proceed and exceed the limit.
package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
)

// ConcurrencyLimiter bounds the number of requests handled at once.
type ConcurrencyLimiter struct {
	mu       sync.Mutex
	cond     *sync.Cond
	inflight int
	max      int
	peak     int
}

func NewConcurrencyLimiter(max int) *ConcurrencyLimiter {
	l := &ConcurrencyLimiter{max: max}
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *ConcurrencyLimiter) Acquire() {
	l.mu.Lock()
	if l.inflight >= l.max {
		l.cond.Wait() // want "Wait called under if"
	}
	l.inflight++
	if l.inflight > l.peak {
		l.peak = l.inflight
	}
	l.mu.Unlock()
}

func (l *ConcurrencyLimiter) Release() {
	l.mu.Lock()
	l.inflight--
	l.cond.Broadcast()
	l.mu.Unlock()
}

func (l *ConcurrencyLimiter) Peak() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.peak
}

// Middleware wraps h so that at most l.max requests run concurrently.
func (l *ConcurrencyLimiter) Middleware(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.Acquire()
		defer l.Release()
		h.ServeHTTP(w, r)
	})
}

func main() {
	limiter := NewConcurrencyLimiter(2)
	handler := limiter.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		fmt.Fprintln(w, "ok")
	}))

	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/items/%d", i), nil)
			rec := httptest.NewRecorder()
			handler.ServeHTTP(rec, req)
		}(i)
	}
	wg.Wait()
	fmt.Printf("peak concurrency %d (limit %d)\n", limiter.Peak(), 2)
}
