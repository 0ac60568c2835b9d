// Package blobcache caches immutable blobs in memory and hands out
// reference-counted handles to readers.
package blobcache

import (
	"sync"
	"sync/atomic"
)

type entry struct {
	refs atomic.Int32
	key  string
	data []byte
	size int
}

// Handle is a reader's reference to a cached blob.
type Handle struct {
	e    *entry
	once sync.Once
}

// Bytes returns the blob contents; valid until Close.
func (h *Handle) Bytes() []byte { return h.e.data }

// Len returns the blob size.
func (h *Handle) Len() int { return h.e.size }

// Close drops the reader's reference.
func (h *Handle) Close() {
	h.once.Do(func() { h.e.decRef() })
}

func (e *entry) incRef() { e.refs.Add(1) }

func (e *entry) decRef() {
	if e.refs.Add(-1) == 0 {
		e.data = nil
		e.size = 0
	}
}

// Cache maps keys to blobs. The cache itself owns one reference on every
// entry it stores.
type Cache struct {
	mu      sync.Mutex
	entries map[string]*entry
	used    int
	limit   int
}

func New(limit int) *Cache {
	return &Cache{entries: make(map[string]*entry), limit: limit}
}

// Put stores data under key, replacing any previous blob.
func (c *Cache) Put(key string, data []byte) {
	e := &entry{key: key, data: data, size: len(data)}
	e.refs.Store(1)
	c.mu.Lock()
	old := c.entries[key]
	c.entries[key] = e
	c.used += len(data)
	c.mu.Unlock()
	if old != nil {
		c.Evict(old)
	}
}

// Get returns a handle for key, or nil if the key is not cached.
func (c *Cache) Get(key string) *Handle {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil
	}
	e.incRef()
	return &Handle{e: e}
}

// Evict releases the memory held by e and removes it from the cache.
func (c *Cache) Evict(e *entry) {
	c.mu.Lock()
	if c.entries[e.key] == e {
		delete(c.entries, e.key)
	}
	c.used -= e.size
	c.mu.Unlock()
	e.data = nil
	e.refs.Add(-1)
}

// Remove evicts key if present.
func (c *Cache) Remove(key string) {
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		c.Evict(e)
	}
}
