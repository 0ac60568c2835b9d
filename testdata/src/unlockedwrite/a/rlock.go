package a

import "sync"

// A cache under a read-write mutex. Get takes only the read lock, which
// many readers hold at once, and still writes: the hit counter and the
// recency map race between readers.
type LRU struct {
	mu     sync.RWMutex
	items  map[string]string
	recent map[string]int
	hits   int
	clock  int
}

func (c *LRU) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.items[key]
	if ok {
		c.hits++            // want `write to c.hits while holding only the read lock of c.mu: other readers run concurrently; take the write lock`
		c.recent[key] = c.clock // want `write to c.recent while holding only the read lock of c.mu`
	}
	return v, ok
}

func (c *LRU) Put(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clock++
	c.items[key] = value
	c.recent[key] = c.clock
}

func (c *LRU) Stats() (hits, size int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.hits, len(c.items)
}

func (c *LRU) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits = 0
	c.recent = map[string]int{}
}

// Correct: readers only read; counters have their own mutex, taken for
// writing under the read lock.
type Table struct {
	mu      sync.RWMutex
	statsMu sync.Mutex
	rows    map[int]string
	reads   int
}

func (t *Table) Row(i int) string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	t.statsMu.Lock()
	t.reads++
	t.statsMu.Unlock()
	return t.rows[i]
}

func (t *Table) Reads() int {
	t.statsMu.Lock()
	defer t.statsMu.Unlock()
	return t.reads
}

func (t *Table) ResetReads() {
	t.statsMu.Lock()
	defer t.statsMu.Unlock()
	t.reads = 0
}

func (t *Table) Set(i int, s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rows[i] = s
}

func (t *Table) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.rows)
}
