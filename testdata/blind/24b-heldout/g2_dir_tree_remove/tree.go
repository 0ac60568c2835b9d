// Correct: Remove and Rename write parent and child fields only while lockTree holds both the child's and the parent's mutex.
package g2_dir_tree_remove

import (
	"net/http"
	"strings"
	"sync"
)

type Node struct {
	name     string
	mu       sync.Mutex
	parent   *Node
	children map[string]*Node
	version  uint64
}

func NewRoot() *Node { return &Node{name: "/", children: map[string]*Node{}} }

// lockTree locks n's parent and then n (parent-before-child order), retrying
// if n was re-parented in between. It returns the locked parent, or nil if n
// is detached (then only n is locked).
func (n *Node) lockTree() *Node {
	for {
		n.mu.Lock()
		p := n.parent
		n.mu.Unlock()
		if p == nil {
			n.mu.Lock()
			if n.parent == nil {
				return nil
			}
			n.mu.Unlock()
			continue
		}
		p.mu.Lock()
		n.mu.Lock()
		if n.parent == p {
			return p
		}
		n.mu.Unlock()
		p.mu.Unlock()
	}
}

func (n *Node) unlockTree(p *Node) {
	n.mu.Unlock()
	if p != nil {
		p.mu.Unlock()
	}
}

func (n *Node) Add(name string) *Node {
	c := &Node{name: name, parent: n, children: map[string]*Node{}}
	n.mu.Lock()
	n.children[name] = c
	n.version++
	n.mu.Unlock()
	return c
}

func (n *Node) Child(name string) *Node {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.children[name]
}

// Remove detaches n from its parent.
func (n *Node) Remove() bool {
	p := n.lockTree()
	defer n.unlockTree(p)
	if p == nil {
		return false
	}
	delete(p.children, n.name)
	p.version++
	n.version++
	n.parent = nil
	return true
}

// Rename renames n within its parent directory.
func (n *Node) Rename(newName string) bool {
	p := n.lockTree()
	defer n.unlockTree(p)
	if p == nil {
		n.name = newName
		n.version++
		return true
	}
	if _, taken := p.children[newName]; taken {
		return false
	}
	delete(p.children, n.name)
	p.children[newName] = n
	n.name = newName
	p.version++
	n.version++
	return true
}

func (root *Node) walk(path string) *Node {
	cur := root
	for _, part := range strings.Split(strings.Trim(path, "/"), "/") {
		if part == "" {
			continue
		}
		if cur = cur.Child(part); cur == nil {
			return nil
		}
	}
	return cur
}

// Handler serves DELETE /path and PATCH /path?name= concurrently.
func Handler(root *Node) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := root.walk(r.URL.Path)
		if n == nil || n == root {
			http.NotFound(w, r)
			return
		}
		ok := false
		switch r.Method {
		case http.MethodDelete:
			ok = n.Remove()
		case http.MethodPatch:
			ok = n.Rename(r.URL.Query().Get("name"))
		}
		if !ok {
			w.WriteHeader(http.StatusConflict)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
