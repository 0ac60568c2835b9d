package b3_shard_fetch

import (
	"fmt"
	"hash/fnv"
	"sync"
)

// Backend is a single shard of a key/value store.
type Backend interface {
	Get(key string) (string, error)
}

// Client fans a multi-get out across shards.
type Client struct {
	shards []Backend
	mu     sync.Mutex
	stats  map[int]int
}

// NewClient returns a Client over the given shards.
func NewClient(shards []Backend) *Client {
	return &Client{shards: shards, stats: make(map[int]int)}
}

func (c *Client) shardFor(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(len(c.shards)))
}

func (c *Client) recordHit(shard int) {
	c.mu.Lock()
	c.stats[shard]++
	c.mu.Unlock()
}

// MultiGet fetches keys from their shards. Keys for the "hot" shard are
// fetched on their own goroutine; the rest are fetched by a second worker
// whose completion is signalled on done.
func (c *Client) MultiGet(keys []string, hot int) (map[string]string, error) {
	results := make(map[string]string, len(keys))
	var cold []string
	var hotKeys []string
	for _, k := range keys {
		if c.shardFor(k) == hot {
			hotKeys = append(hotKeys, k)
		} else {
			cold = append(cold, k)
		}
	}

	coldVals := make([]string, len(cold))
	done := make(chan error, 1)
	go func() {
		for i, k := range cold {
			v, err := c.shards[c.shardFor(k)].Get(k)
			if err != nil {
				done <- fmt.Errorf("shard get %q: %w", k, err)
				return
			}
			coldVals[i] = v
		}
		done <- nil
	}()

	go func() { // BAD: writes results[k]; MultiGet waits only on done, which the other (cold) goroutine sends
		for _, k := range hotKeys {
			if v, err := c.shards[hot].Get(k); err == nil {
				results[k] = v
				c.recordHit(hot)
			}
		}
	}()

	if err := <-done; err != nil {
		return nil, err
	}
	for i, k := range cold {
		results[k] = coldVals[i]
	}
	if len(results) < len(keys) {
		return results, fmt.Errorf("partial result: %d/%d keys", len(results), len(keys))
	}
	return results, nil
}
