package main

import (
	"fmt"
	"sync"
)

// Collector gathers per-shard counts from concurrent scanners.
type Collector struct {
	mu     sync.Mutex
	counts map[string]int
	wg     sync.WaitGroup
}

func (c *Collector) record(shard string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[shard] += n
}

func (c *Collector) scan(shard string, rows []string) {
	defer c.wg.Done()
	n := 0
	for _, r := range rows {
		if r != "" {
			n++
		}
	}
	c.record(shard, n)
}

// Snapshot scans all shards and returns a consistent copy of the totals.
func (c *Collector) Snapshot(shards map[string][]string) map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	for name, rows := range shards {
		c.wg.Add(1)
		go c.scan(name, rows)
	}
	c.wg.Wait()
	out := make(map[string]int, len(c.counts))
	for k, v := range c.counts {
		out[k] = v
	}
	return out
}

func main() {
	c := &Collector{counts: make(map[string]int)}
	snap := c.Snapshot(map[string][]string{
		"eu": {"a", "b", ""},
		"us": {"c"},
	})
	fmt.Println(snap)
}
