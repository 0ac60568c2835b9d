package goroutines

import "sync"

// Inversions between goroutines the package starts itself, through
// callees of other types, interfaces and helpers that release their
// caller's lock.

// A device set and its devices (moby 4951): remove holds the set's
// lock and a device's, and waitRemoved releases the set's lock around
// a wait, then takes it again while the device's is still held.
type DeviceSet struct {
	sync.Mutex
	infos map[string]*DevInfo
}

type DevInfo struct {
	lock sync.Mutex
	name string
}

func (ds *DeviceSet) remove(hash string) {
	ds.Lock()
	defer ds.Unlock()
	info := ds.infos[hash]
	info.lock.Lock() // want `lock order inversion: DevInfo.lock is locked while DeviceSet.Mutex is held, and elsewhere DeviceSet.Mutex while DevInfo.lock is held; two goroutines can deadlock`
	defer info.lock.Unlock()
	ds.waitRemoved(info)
}

func (ds *DeviceSet) waitRemoved(info *DevInfo) {
	ds.Unlock()
	_ = info.name
	ds.Lock()
}

func removeTwice(ds *DeviceSet) {
	go ds.remove("a")
	go ds.remove("a")
}

// A queue and the handler it calls through an interface that one type
// of the package implements: Pop holds the queue's lock while the
// handler takes the cache's; Flush holds the cache's and asks the
// queue, which takes the queue's.
type Handler interface{ Handle() }

type Queue struct {
	mu sync.Mutex
	h  Handler
}

func (q *Queue) Pop() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.h.Handle() // want `lock order inversion: cache.mu is locked while Queue.mu is held`
}

func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return 0
}

type cache struct {
	mu sync.Mutex
	q  *Queue
	n  int
}

func (c *cache) Handle() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *cache) flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n = c.q.Len()
}

func runQueue(c *cache) {
	go c.q.Pop()
	go c.flush()
}

// A per-key mutex handed back to the caller, released by a deferred
// helper that takes the table's read lock first (hugo 3251's shape,
// with the key's mutex in a field of an entry).
type Table struct {
	mu      sync.RWMutex
	entries map[string]*entry
}

type entry struct{ mu sync.Mutex }

func (t *Table) lockKey(k string) *entry {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.entries[k]
	e.mu.Lock() // want `lock order inversion: entry.mu is locked while Table.mu is held`
	return e
}

func (t *Table) unlockKey(e *entry) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	e.mu.Unlock()
}

func (t *Table) lookup(k string) *entry {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.entries[k]
}

func (t *Table) get(k string) {
	e := t.lookup(k)
	e.mu.Lock()
	defer t.unlockKey(e)
}

func (t *Table) put(k string) {
	e := t.lockKey(k)
	t.unlockKey(e)
}

func serve(t *Table) {
	for i := 0; i < 4; i++ {
		go t.get("k")
		go t.put("k")
	}
}
