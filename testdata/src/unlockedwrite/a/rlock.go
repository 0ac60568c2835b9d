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

// A private method of one background loop read-locks only to keep
// Close out; it is the one reader, so its writes race with nobody.
// (Prometheus's agent DB truncates this way.)
type agentDB struct {
	mtx     sync.RWMutex
	deleted map[int]int
	closed  bool
}

func (db *agentDB) loop(tick <-chan int) {
	for t := range tick {
		db.truncate(t)
	}
}

func (db *agentDB) truncate(mint int) {
	db.mtx.RLock()
	defer db.mtx.RUnlock()
	if db.closed {
		return
	}
	db.gc(mint)
	for ref, seg := range db.deleted {
		if seg <= mint {
			delete(db.deleted, ref)
		}
	}
}

// gc runs under truncate's read lock.
func (db *agentDB) gc(mint int) {
	db.deleted[mint] = mint
}

func (db *agentDB) Close() {
	db.mtx.Lock()
	defer db.mtx.Unlock()
	db.closed = true
}

// The same private writer, with a reader elsewhere that read-locks on
// its own: the two readers run together.
type agentDB2 struct {
	mtx     sync.RWMutex
	deleted map[int]int
}

func (db *agentDB2) loop(tick <-chan int) {
	for t := range tick {
		db.truncate(t)
	}
}

func (db *agentDB2) truncate(mint int) {
	db.mtx.RLock()
	defer db.mtx.RUnlock()
	delete(db.deleted, mint) // want `write to db.deleted while holding only the read lock of db.mtx`
}

func (db *agentDB2) Pending() int {
	db.mtx.RLock()
	defer db.mtx.RUnlock()
	return len(db.deleted)
}

func (db *agentDB2) Reset() {
	db.mtx.Lock()
	defer db.mtx.Unlock()
	db.deleted = map[int]int{}
}

// An iterator over a shared table: each iterator belongs to one
// goroutine, and it read-locks the table it points to only to read the
// table's nodes. Its own cursor is written under that read lock, but no
// other reader holds this iterator: the read lock is the table's, not
// the iterator's.
type table struct {
	mu    sync.RWMutex
	nodes []int
}

func (t *table) Insert(n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.nodes = append(t.nodes, n)
}

type Iter struct {
	t    *table
	node int
	val  int
}

func (i *Iter) Next() bool {
	i.t.mu.RLock()
	defer i.t.mu.RUnlock()
	if i.node+1 >= len(i.t.nodes) {
		return false
	}
	i.node++
	i.val = i.t.nodes[i.node]
	return true
}

func (i *Iter) Seek(n int) {
	i.t.mu.RLock()
	defer i.t.mu.RUnlock()
	i.node = n
	i.val = i.t.nodes[n]
}
