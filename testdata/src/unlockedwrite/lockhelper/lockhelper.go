// Package lockhelper: a tree whose nodes each have a mutex, locked in a
// consistent order by helpers that take several nodes at once.
package lockhelper

import (
	"sort"
	"sync"
)

type node struct {
	id       int
	mu       sync.Mutex
	children children
	version  int
	hits     int
}

// children is a node's table of children, guarded by the node's mu.
type children struct {
	byName map[string]*node
}

func (c *children) get(name string) *node { return c.byName[name] }

func (c *children) del(parent *node, name string) {
	ch := c.byName[name]
	if ch == nil {
		return
	}
	delete(c.byName, name)
	ch.version++
	parent.version++
}

// lockNodes locks every node given, in id order: the lock-set cannot
// name in its callers' terms which mutexes it leaves held.
func lockNodes(ns ...*node) {
	sort.Slice(ns, func(i, j int) bool { return ns[i].id < ns[j].id })
	var prev *node
	for _, n := range ns {
		if n != prev {
			n.mu.Lock()
			prev = n
		}
	}
}

func unlockNodes(ns ...*node) {
	var prev *node
	for _, n := range ns {
		if n != prev {
			n.mu.Unlock()
			prev = n
		}
	}
}

// remove deletes children. lockNodes takes the parent's mutex and
// every child's, on a slice built as it goes; if the parent changed in
// between, remove starts again.
func (n *node) remove(names ...string) {
	var lockme []*node
	for {
		n.mu.Lock()
		lockme = append(lockme[:0], n)
		seen := n.version
		for _, nm := range names {
			if ch := n.children.get(nm); ch != nil {
				lockme = append(lockme, ch)
			}
		}
		n.mu.Unlock()
		lockNodes(lockme...)
		if n.version != seen {
			unlockNodes(lockme...)
			continue
		}
		for _, nm := range names {
			n.children.del(n, nm)
		}
		unlockNodes(lockme...)
		return
	}
}

// removeAll removes children concurrently: each remove holds the
// parent's lock, taken by the helper.
func removeAll(n *node, names []string) {
	var wg sync.WaitGroup
	for _, nm := range names {
		wg.Add(1)
		go func(nm string) {
			defer wg.Done()
			n.remove(nm)
		}(nm)
	}
	wg.Wait()
}

// touchAll counts hits concurrently with no lock at all.
func touchAll(n *node, k int) {
	var wg sync.WaitGroup
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.hits++ // want `write to n.hits in a goroutine started in a loop races with the other goroutines: no lock is held`
		}()
	}
	wg.Wait()
}
