package a

import "sync"

// Orders that cannot deadlock.

// One order everywhere: Pool.mu, then Conn.mu.
type Pool struct {
	mu    sync.Mutex
	conns []*Conn
}

type Conn struct {
	mu   sync.Mutex
	pool *Pool
	busy bool
}

func (p *Pool) Get() *Conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.mu.Lock()
		if !c.busy {
			c.busy = true
			c.mu.Unlock()
			return c
		}
		c.mu.Unlock()
	}
	return nil
}

// Release drops its own lock before taking the pool's.
func (c *Conn) Release() {
	c.mu.Lock()
	c.busy = false
	p := c.pool
	c.mu.Unlock()

	p.mu.Lock()
	p.conns = append(p.conns, c)
	p.mu.Unlock()
}

// Two read locks in both orders: readers do not exclude each other.
type Index struct {
	mu    sync.RWMutex
	names map[string]int
}

type Catalog struct {
	mu    sync.RWMutex
	index *Index
	items []string
}

func (c *Catalog) Lookup(name string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.index.mu.RLock()
	defer c.index.mu.RUnlock()
	return c.items[c.index.names[name]]
}

func (c *Catalog) Has(name string) bool {
	c.index.mu.RLock()
	defer c.index.mu.RUnlock()
	c.mu.RLock()
	defer c.mu.RUnlock()
	_, ok := c.index.names[name]
	return ok && len(c.items) > 0
}

// A tree locks parent then child: two mutexes of one field, ordered by
// the tree's shape.
type Node struct {
	mu       sync.Mutex
	parent   *Node
	children []*Node
	n        int
}

func (n *Node) Sum() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	s := n.n
	for _, c := range n.children {
		c.mu.Lock()
		s += c.n
		c.mu.Unlock()
	}
	return s
}

// TryLock does not wait: it cannot be one side of a deadlock.
func (c *Conn) Steal() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.pool.mu.TryLock() {
		return false
	}
	defer c.pool.mu.Unlock()
	c.busy = true
	return true
}

// A lock taken only on some paths is not certainly held.
func (c *Conn) MaybeDetach(detach bool) {
	if detach {
		c.mu.Lock()
	}
	c.pool.mu.Lock()
	c.pool.conns = nil
	c.pool.mu.Unlock()
	if detach {
		c.mu.Unlock()
	}
}
