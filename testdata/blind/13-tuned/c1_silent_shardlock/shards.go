// Class 1, SILENT: lockShard returns with the shard's mutex held on purpose and every caller (Incr, Load, Delete) releases it with defer sh.mu.Unlock().
package c1_silent_shardlock

import (
	"hash/fnv"
	"sync"
)

const shardCount = 16

type shard struct {
	mu     sync.Mutex
	counts map[string]int64
}

type Counters struct {
	shards [shardCount]*shard
}

func New() *Counters {
	c := &Counters{}
	for i := range c.shards {
		c.shards[i] = &shard{counts: make(map[string]int64)}
	}
	return c
}

// lockShard picks the shard for key and returns it locked.
// The caller must unlock sh.mu.
func (c *Counters) lockShard(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	sh := c.shards[h.Sum32()%shardCount]
	sh.mu.Lock()
	return sh
}

func (c *Counters) Incr(key string, n int64) int64 {
	sh := c.lockShard(key)
	defer sh.mu.Unlock()
	sh.counts[key] += n
	return sh.counts[key]
}

func (c *Counters) Load(key string) int64 {
	sh := c.lockShard(key)
	defer sh.mu.Unlock()
	return sh.counts[key]
}

func (c *Counters) Delete(key string) {
	sh := c.lockShard(key)
	delete(sh.counts, key)
	sh.mu.Unlock()
}
