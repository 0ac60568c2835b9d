package b2_tree_move

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
)

// Node is a directory entry in an in-memory namespace. Each node has its
// own mutex guarding its fields, including the children map.
type Node struct {
	id       uint64
	name     string
	mu       sync.Mutex
	parent   *Node
	children map[string]*Node
	version  uint64
}

func newNode(id uint64, name string, parent *Node) *Node {
	return &Node{id: id, name: name, parent: parent, children: map[string]*Node{}}
}

// lockNodes locks the given nodes in id order.
func lockNodes(nodes ...*Node) []*Node {
	sorted := append([]*Node(nil), nodes...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].id < sorted[j].id })
	for i, n := range sorted {
		if i > 0 && sorted[i-1] == n {
			continue
		}
		n.mu.Lock()
	}
	return sorted
}

func unlockNodes(sorted []*Node) {
	for i := len(sorted) - 1; i >= 0; i-- {
		if i > 0 && sorted[i-1] == sorted[i] {
			continue
		}
		sorted[i].mu.Unlock()
	}
}

type Namespace struct {
	mu     sync.Mutex
	nextID uint64
	root   *Node
	byID   map[uint64]*Node
}

func NewNamespace() *Namespace {
	r := newNode(1, "/", nil)
	return &Namespace{nextID: 2, root: r, byID: map[uint64]*Node{1: r}}
}

func (ns *Namespace) Mkdir(parent *Node, name string) *Node {
	ns.mu.Lock()
	n := newNode(ns.nextID, name, parent)
	ns.nextID++
	ns.byID[n.id] = n
	ns.mu.Unlock()

	parent.mu.Lock()
	parent.children[name] = n
	parent.version++
	parent.mu.Unlock()
	return n
}

// Move re-parents child from src to dst. Both directories are locked; the
// child is not.
func (ns *Namespace) Move(child, src, dst *Node) error {
	held := lockNodes(src, dst)
	defer unlockNodes(held)

	if src.children[child.name] != child {
		return fmt.Errorf("move: %s not in source", child.name)
	}
	if _, exists := dst.children[child.name]; exists {
		return fmt.Errorf("move: %s already exists", child.name)
	}
	delete(src.children, child.name)
	dst.children[child.name] = child
	src.version++
	dst.version++
	child.parent = dst // BAD: child.mu is not among the nodes locked by lockNodes(src, dst)
	child.version++    // BAD: child.mu is not among the nodes locked by lockNodes(src, dst)
	return nil
}

// Touch bumps a node's version under its own lock.
func (n *Node) Touch() {
	n.mu.Lock()
	n.version++
	n.mu.Unlock()
}

func (ns *Namespace) lookup(id uint64) *Node {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	return ns.byID[id]
}

// ServeHTTP handles POST /move?child=&src=&dst= requests concurrently.
func (ns *Namespace) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var c, s, d uint64
	fmt.Sscan(r.URL.Query().Get("child"), &c)
	fmt.Sscan(r.URL.Query().Get("src"), &s)
	fmt.Sscan(r.URL.Query().Get("dst"), &d)
	child, src, dst := ns.lookup(c), ns.lookup(s), ns.lookup(d)
	if child == nil || src == nil || dst == nil {
		http.NotFound(w, r)
		return
	}
	if err := ns.Move(child, src, dst); err != nil {
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
