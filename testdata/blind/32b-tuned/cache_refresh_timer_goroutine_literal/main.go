// GOOD: each short timeout context is only a one-shot refresh timer; its cancel sits in e.refreshing as a
// "refresh scheduled" flag, and refreshWhenDone waits out the deadline (releasing it) before refreshing.
package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

type entry struct {
	value      string
	refreshing context.CancelFunc // non-nil while a refresh is scheduled
}

type Loader func(key string) string

type RefreshCache struct {
	mu      sync.Mutex
	entries map[string]*entry
	load    Loader
	after   time.Duration
}

func NewRefreshCache(load Loader, after time.Duration) *RefreshCache {
	return &RefreshCache{entries: make(map[string]*entry), load: load, after: after}
}

func (r *RefreshCache) Get(key string) string {
	r.mu.Lock()
	e, ok := r.entries[key]
	if !ok {
		e = &entry{value: r.load(key)}
		r.entries[key] = e
	}
	if e.refreshing == nil {
		ctx, cancel := context.WithTimeout(context.Background(), r.after)
		e.refreshing = cancel
		go func() {
			r.refreshWhenDone(ctx, key)
		}()
	}
	v := e.value
	r.mu.Unlock()
	return v
}

func (r *RefreshCache) refreshWhenDone(ctx context.Context, key string) {
	<-ctx.Done()
	fresh := r.load(key)

	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.entries[key]; ok {
		e.value = fresh
		e.refreshing = nil
	}
}

func main() {
	var mu sync.Mutex
	version := 0
	c := NewRefreshCache(func(key string) string {
		mu.Lock()
		defer mu.Unlock()
		version++
		return fmt.Sprintf("%s@v%d", strings.ToUpper(key), version)
	}, 30*time.Millisecond)

	fmt.Println(c.Get("config"))
	fmt.Println(c.Get("config"))
	time.Sleep(60 * time.Millisecond)
	fmt.Println(c.Get("config"))
	time.Sleep(60 * time.Millisecond)
}
