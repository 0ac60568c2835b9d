package shardcache

import (
	"hash/fnv"
	"sync"
)

const shardCount = 8

type entry struct {
	key   string
	value []byte
	prev  *entry
	next  *entry
}

type shard struct {
	mu    sync.Mutex
	items map[string]*entry
}

// Cache is a sharded byte cache with a single global recency list.
type Cache struct {
	shards [shardCount]*shard
	lru    *recency
	limit  int
}

func New(limit int) *Cache {
	c := &Cache{lru: newRecency(), limit: limit}
	for i := range c.shards {
		c.shards[i] = &shard{items: make(map[string]*entry)}
	}
	return c
}

func (c *Cache) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return c.shards[h.Sum32()%shardCount]
}

func (c *Cache) Get(key string) ([]byte, bool) {
	s := c.shardFor(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.items[key]
	if !ok {
		return nil, false
	}
	c.lru.touch(e)
	return e.value, true
}

func (c *Cache) Put(key string, value []byte) {
	s := c.shardFor(key)
	s.mu.Lock()
	e, ok := s.items[key]
	if !ok {
		e = &entry{key: key}
		s.items[key] = e
	}
	e.value = value
	s.mu.Unlock()

	c.lru.pushFront(e)
	c.trim()
}

func (c *Cache) trim() {
	for c.lru.size() > c.limit {
		c.lru.evictOldest(c)
	}
}

func (c *Cache) dropFromShard(key string) {
	s := c.shardFor(key)
	s.mu.Lock()
	delete(s.items, key)
	s.mu.Unlock()
}
