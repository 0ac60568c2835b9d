package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Source loads a flat key/value configuration, e.g. from a remote store.
type Source func(ctx context.Context, prefix string) (map[string]string, error)

// ConfigRefresher keeps a local copy of remote settings up to date.
type ConfigRefresher struct {
	src Source

	mu     sync.RWMutex
	values map[string]string

	cancel      context.CancelFunc
	lastRefresh time.Time
	lastErr     error
}

func NewConfigRefresher(src Source) *ConfigRefresher {
	return &ConfigRefresher{src: src, values: map[string]string{}}
}

// Start loads settings under prefix every period.
func (r *ConfigRefresher) Start(prefix string, period time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go r.refreshLoop(ctx, prefix, period)
}

func (r *ConfigRefresher) refreshLoop(ctx context.Context, prefix string, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		vals, err := r.src(ctx, prefix)
		r.lastErr = err
		if err != nil {
			continue
		}
		r.mu.Lock()
		r.values = vals
		r.mu.Unlock()
		r.lastRefresh = time.Now()
	}
}

// Reload points the refresher at a different prefix.
func (r *ConfigRefresher) Reload(prefix string, period time.Duration) {
	r.cancel()
	if r.lastErr != nil {
		fmt.Println("config: previous refresh failed:", r.lastErr)
	}
	fmt.Println("config: reloading, last refresh at", r.lastRefresh.Format(time.StampMilli))
	r.Start(prefix, period)
}

// Get returns a setting.
func (r *ConfigRefresher) Get(key string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.values[key]
}

func main() {
	remote := map[string]string{
		"prod/db.pool":   "32",
		"prod/db.host":   "db.prod.internal",
		"canary/db.pool": "4",
		"canary/db.host": "db.canary.internal",
	}
	src := func(ctx context.Context, prefix string) (map[string]string, error) {
		out := map[string]string{}
		for k, v := range remote {
			if rest, ok := strings.CutPrefix(k, prefix+"/"); ok {
				out[rest] = v
			}
		}
		return out, ctx.Err()
	}
	r := NewConfigRefresher(src)
	r.Start("prod", time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println("pool:", r.Get("db.pool"))
	r.Reload("canary", time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	fmt.Println("pool:", r.Get("db.pool"))
	r.cancel()
}
