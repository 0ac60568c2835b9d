package b1_cache_sync

import (
	"context"
	"log"
	"sync"
	"time"
)

// Event is one change notification from the upstream store.
type Event struct {
	Kind  string // "connected", "put", "synced"
	Key   string
	Value string
}

// Cache mirrors an upstream key/value store fed by an event channel.
type Cache struct {
	events    <-chan Event
	connected chan struct{}
	connOnce  sync.Once

	mu    sync.RWMutex
	items map[string]string

	cancel context.CancelFunc
}

func NewCache(events <-chan Event) *Cache {
	return &Cache{
		events:    events,
		connected: make(chan struct{}),
		items:     make(map[string]string),
	}
}

// Start launches the watch loop and blocks until the initial listing is
// applied. If the upstream does not connect within connectTimeout the watch
// is cancelled.
func (c *Cache) Start(ctx context.Context, connectTimeout time.Duration) {
	runCtx, cancel := context.WithCancel(ctx)
	c.cancel = cancel
	synced := make(chan struct{})
	go c.run(runCtx, synced)

	select {
	case <-c.connected:
	case <-time.After(connectTimeout):
		log.Printf("cache: upstream did not connect within %v, stopping watch", connectTimeout)
		cancel()
	}
	<-synced // BAD: after the timeout path cancels runCtx, run returns via ctx.Done() without closing synced
}

func (c *Cache) run(ctx context.Context, synced chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-c.events:
			if !ok {
				return
			}
			switch ev.Kind {
			case "connected":
				c.connOnce.Do(func() { close(c.connected) })
			case "put":
				c.mu.Lock()
				c.items[ev.Key] = ev.Value
				c.mu.Unlock()
			case "synced":
				close(synced)
			}
		}
	}
}

func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.items[key]
	return v, ok
}

func (c *Cache) Close() {
	if c.cancel != nil {
		c.cancel()
	}
}
