package quota

import "sync"

type Node struct {
	mu       sync.Mutex
	name     string
	parent   *Node
	children map[string]*Node
	used     int64
	limit    int64
}

func NewRoot(limit int64) *Node {
	return &Node{name: "/", limit: limit, children: map[string]*Node{}}
}

func (n *Node) Child(name string, limit int64) *Node {
	n.mu.Lock()
	defer n.mu.Unlock()
	if c, ok := n.children[name]; ok {
		return c
	}
	c := &Node{name: name, parent: n, limit: limit, children: map[string]*Node{}}
	n.children[name] = c
	return c
}

func (n *Node) Charge(bytes int64) bool {
	p := n.parent
	if p == nil {
		n.mu.Lock()
		defer n.mu.Unlock()
		if n.used+bytes > n.limit {
			return false
		}
		n.used += bytes
		return true
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.used+bytes > n.limit || p.used+bytes > p.limit {
		return false
	}
	n.used += bytes
	p.used += bytes
	return true
}

func (n *Node) Usage() map[string]int64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := map[string]int64{n.name: n.used}
	for name, c := range n.children {
		c.mu.Lock()
		out[name] = c.used
		c.mu.Unlock()
	}
	return out
}
