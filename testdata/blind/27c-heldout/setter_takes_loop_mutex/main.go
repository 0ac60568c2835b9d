// GOOD: the refill goroutine reads b.rate and b.burst under b.mu, and SetRate, which the
// HTTP handler calls while the refiller runs, takes the same mutex before writing them.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// TokenBucket is a simple rate limiter refilled by a background goroutine.
type TokenBucket struct {
	mu     sync.Mutex
	tokens int
	rate   int // tokens added per tick
	burst  int
}

func NewTokenBucket(rate, burst int) *TokenBucket {
	return &TokenBucket{tokens: burst, rate: rate, burst: burst}
}

func (b *TokenBucket) Run(ctx context.Context) {
	go b.refill(ctx)
}

func (b *TokenBucket) refill(ctx context.Context) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			b.mu.Lock()
			b.tokens += b.rate
			if b.tokens > b.burst {
				b.tokens = b.burst
			}
			b.mu.Unlock()
		}
	}
}

func (b *TokenBucket) Allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}

// SetRate adjusts the refill rate of a running bucket.
func (b *TokenBucket) SetRate(rate, burst int) {
	b.mu.Lock()
	b.rate = rate
	b.burst = burst
	b.mu.Unlock()
}

func limitHandler(b *TokenBucket) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rate, err1 := strconv.Atoi(r.FormValue("rate"))
		burst, err2 := strconv.Atoi(r.FormValue("burst"))
		if err1 != nil || err2 != nil || rate <= 0 || burst <= 0 {
			http.Error(w, "rate and burst must be positive integers", http.StatusBadRequest)
			return
		}
		b.SetRate(rate, burst)
		fmt.Fprintf(w, "rate=%d burst=%d\n", rate, burst)
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	bucket := NewTokenBucket(5, 20)
	bucket.Run(ctx)

	mux := http.NewServeMux()
	mux.HandleFunc("/admin/limit", limitHandler(bucket))
	mux.HandleFunc("/api", func(w http.ResponseWriter, r *http.Request) {
		if !bucket.Allow() {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:8081", mux))
}
