// Package otherlock: holding some lock is not holding the field's. A
// write made under a container's lock, to a field of an entry that the
// entry's own mutex guards everywhere else, races with the entry's
// users, who do not take the container's lock.
package otherlock

import (
	"sync"
	"time"
)

type entry struct {
	mu    sync.Mutex
	value []byte
	seen  time.Time
}

func (e *entry) Get() []byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.seen = time.Now()
	return e.value
}

func (e *entry) Set(v []byte) {
	e.mu.Lock()
	e.value = v
	e.mu.Unlock()
}

func (e *entry) idle(now time.Time) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return now.Sub(e.seen) > time.Minute
}

// reset runs under the cache's read lock only.
func (e *entry) reset() {
	e.value = nil // want `write to e.value without holding e.mu, which guards it in 2 of 3 functions that access it \(the locks held here do not\)`
}

// release is a plain function: its parameter is an entry of the map.
func release(e *entry) {
	e.value = nil // want `write to e.value without holding e.mu`
}

type Cache struct {
	mu      sync.RWMutex
	entries map[string]*entry
}

func NewCache() *Cache {
	c := &Cache{entries: map[string]*entry{}}
	go c.janitor()
	return c
}

func (c *Cache) lookup(k string) *entry {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.entries[k]
}

func (c *Cache) Get(k string) []byte {
	if e := c.lookup(k); e != nil {
		return e.Get()
	}
	return nil
}

func (c *Cache) Put(k string, v []byte) {
	c.mu.Lock()
	e := c.entries[k]
	if e == nil {
		e = &entry{}
		c.entries[k] = e
	}
	c.mu.Unlock()
	e.Set(v)
}

func (c *Cache) janitor() {
	for now := range time.Tick(time.Minute) {
		c.mu.RLock()
		for _, e := range c.entries {
			if e.idle(now) {
				e.reset()
			}
		}
		c.mu.RUnlock()
	}
}

// Purge runs while Get and Put may be in flight: their users hold only
// e.mu.
func (c *Cache) Purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		release(e)
	}
}

// table's rows are guarded by the table's lock: every access to
// row.state holds it, and row.mu guards row.hits only. Not reported.
type row struct {
	mu    sync.Mutex
	hits  int
	state string
}

func (r *row) hit() {
	r.mu.Lock()
	r.hits++
	r.mu.Unlock()
}

func (r *row) retire() {
	r.state = "retired"
}

type Table struct {
	mu   sync.Mutex
	rows map[string]*row
}

func (t *Table) State(k string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if r := t.rows[k]; r != nil {
		r.hit()
		return r.state
	}
	return ""
}

func (t *Table) Open(k string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	r := &row{}
	r.state = "open"
	t.rows[k] = r
}

func (t *Table) Retire() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range t.rows {
		r.retire()
	}
}

// conn's helper takes the conn's own lock: not reported.
type conn struct {
	mu     sync.Mutex
	closed bool
}

func (c *conn) Closed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

func (c *conn) Reopen() {
	c.mu.Lock()
	c.closed = false
	c.mu.Unlock()
}

func (c *conn) shut() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}

type Pool struct {
	mu    sync.Mutex
	conns []*conn
}

func (p *Pool) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.shut()
	}
}

// account's balance is written under its own mutex by methods the bank
// calls holding its own lock, and cleared under the bank's lock only:
// the bank's lock is held at every access, so it guards the field too.
// Not reported.
type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

func (a *account) withdraw(n int) {
	a.mu.Lock()
	a.balance -= n
	a.mu.Unlock()
}

func (a *account) clear() {
	a.balance = 0
}

type Bank struct {
	mu       sync.Mutex
	accounts map[string]*account
}

func (b *Bank) Deposit(k string, n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.accounts[k].deposit(n)
}

func (b *Bank) Withdraw(k string, n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.accounts[k].withdraw(n)
}

func (b *Bank) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, a := range b.accounts {
		a.clear()
	}
}
