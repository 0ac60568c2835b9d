// Package flush holds background copiers that wait under if inside a
// loop that re-checks: a wake-up that finds nothing costs one harmless
// pass, unless the code after the Wait assumes the condition.
package flush

import "sync"

type copier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	stop    bool
	pending []string
	copied  int
	slots   []chan string
	head    *node
	byName  map[string]int
}

type node struct {
	name string
	next *node
}

func newCopier() *copier {
	c := &copier{}
	c.cond = sync.NewCond(&c.mu)
	return c
}

// Run swaps the pending list out and copies whatever it took, an empty
// batch when the wake-up found nothing (pebble's workload copier):
// silent.
func (c *copier) Run() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.stop {
		if len(c.pending) == 0 {
			c.cond.Wait()
		}
		var batch []string
		batch, c.pending = c.pending, nil
		func() {
			c.mu.Unlock()
			defer c.mu.Lock()
			c.copyAll(batch)
		}()
		c.copied += len(batch)
	}
}

// copyAll ranges over its batch and keeps a prefix of it: an empty
// batch does nothing.
func (c *copier) copyAll(batch []string) {
	done := batch[:0]
	for _, name := range batch {
		if name != "" {
			done = append(done, name)
		}
	}
	for range done {
		c.copied++
	}
}

// RunMap drains a map the same way: silent.
func (c *copier) RunMap() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.stop {
		if len(c.byName) == 0 {
			c.cond.Wait()
		}
		taken := c.byName
		c.byName = map[string]int{}
		for name, n := range taken {
			_, _ = name, n
		}
	}
}

// RunFirst takes the first item: another Run may have taken it, or the
// Broadcast of Stop found the list empty.
func (c *copier) RunFirst() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.stop {
		if len(c.pending) == 0 {
			c.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		item := c.pending[0]
		c.pending = c.pending[1:]
		_ = item
	}
}

// RunFirstInCallee swaps the list out like Run, but the callee assumes
// at least one item.
func (c *copier) RunFirstInCallee() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.stop {
		if len(c.pending) == 0 {
			c.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		batch := c.pending
		c.pending = nil
		c.copyFirst(batch)
	}
}

func (c *copier) copyFirst(batch []string) {
	c.copied += len(batch[0])
}

// RunSlot receives from the slot the condition promised.
func (c *copier) RunSlot() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.stop {
		if len(c.slots) == 0 {
			c.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		slots := c.slots
		c.slots = nil
		<-slots[0]
	}
}

// RunHead dereferences the head the condition promised non-nil.
func (c *copier) RunHead() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.stop {
		if c.head == nil {
			c.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		n := c.head
		c.head = n.next
	}
}

// RunUnseen hands the batch to code not seen here.
func (c *copier) RunUnseen(sink func([]string)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.stop {
		if len(c.pending) == 0 {
			c.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		batch := c.pending
		c.pending = nil
		sink(batch)
	}
}

func (c *copier) Add(name string) {
	c.mu.Lock()
	c.pending = append(c.pending, name)
	c.head = &node{name: name, next: c.head}
	c.cond.Broadcast()
	c.mu.Unlock()
}

func (c *copier) Stop() {
	c.mu.Lock()
	c.stop = true
	c.cond.Broadcast()
	c.mu.Unlock()
}

type ring struct{ items []string }

func (r *ring) empty() bool { return len(r.items) == 0 }

// pop re-checks: it returns false on an empty ring.
func (r *ring) pop() (string, bool) {
	if len(r.items) == 0 {
		return "", false
	}
	it := r.items[0]
	r.items = r.items[1:]
	return it, true
}

// mustPop assumes an item.
func (r *ring) mustPop() string {
	it := r.items[0]
	r.items = r.items[1:]
	return it
}

type dispatcher struct {
	mu       sync.Mutex
	cond     *sync.Cond
	q        ring
	shutdown bool
}

// Work pops with a result that says whether there was an item: several
// workers, but a stolen wake-up finds ok false and loops back: silent.
func (d *dispatcher) Work(handle func(string)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for !d.shutdown {
		if d.q.empty() {
			d.cond.Wait()
		}
		it, ok := d.q.pop()
		d.mu.Unlock()
		if ok {
			handle(it)
		}
		d.mu.Lock()
	}
}

// WorkMust pops assuming an item: another worker may have taken it.
func (d *dispatcher) WorkMust(handle func(string)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for !d.shutdown {
		if d.q.empty() {
			d.cond.Wait() // want `sync.Cond.Wait called under if`
		}
		it := d.q.mustPop()
		d.mu.Unlock()
		handle(it)
		d.mu.Lock()
	}
}

func (d *dispatcher) Publish(it string) {
	d.mu.Lock()
	d.q.items = append(d.q.items, it)
	d.mu.Unlock()
	d.cond.Broadcast()
}
