// BAD: Close cancels the janitor and then drops c.entries without c.mu before
// waiting for it, so the janitor may still be sweeping the map under the lock.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type session struct {
	user    string
	expires time.Time
}

// SessionCache stores sessions in memory and expires them in the background.
type SessionCache struct {
	mu      sync.Mutex
	entries map[string]session

	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewSessionCache(sweepEvery time.Duration) *SessionCache {
	ctx, cancel := context.WithCancel(context.Background())
	c := &SessionCache{
		entries: make(map[string]session),
		cancel:  cancel,
	}
	c.wg.Add(1)
	go c.janitor(ctx, sweepEvery)
	return c
}

func (c *SessionCache) janitor(ctx context.Context, every time.Duration) {
	defer c.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			c.sweep(now)
		}
	}
}

func (c *SessionCache) sweep(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, s := range c.entries {
		if now.After(s.expires) {
			delete(c.entries, id)
		}
	}
}

func (c *SessionCache) Put(id, user string, ttl time.Duration) {
	c.mu.Lock()
	c.entries[id] = session{user: user, expires: time.Now().Add(ttl)}
	c.mu.Unlock()
}

func (c *SessionCache) Get(id string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.entries[id]
	if !ok || time.Now().After(s.expires) {
		return "", false
	}
	return s.user, true
}

// Close stops the janitor and releases the session table.
func (c *SessionCache) Close() {
	c.cancel()
	c.entries = nil // want "without holding|without a lock"
	c.wg.Wait()
}

func main() {
	c := NewSessionCache(5 * time.Millisecond)
	c.Put("abc", "alice", time.Millisecond)
	c.Put("def", "bob", time.Hour)
	time.Sleep(20 * time.Millisecond)
	_, okA := c.Get("abc")
	userB, okB := c.Get("def")
	fmt.Println(okA, userB, okB)
	c.Close()
}
