package a

import "sync"

func goroutineNoLock() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	go func() {
		for !ready {
			c.Wait() // want `without holding the Cond's lock`
		}
	}()
	mu.Lock()
	ready = true
	c.Broadcast()
	mu.Unlock()
}

func goroutineLock() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		defer mu.Unlock()
		for !ready {
			c.Wait()
		}
	}()
	mu.Lock()
	ready = true
	c.Broadcast()
	mu.Unlock()
}

// The starter locks and the goroutine inherits the lock (a Mutex is
// not owned by a goroutine): silent.
func goroutineHandoff() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	mu.Lock()
	go func() {
		for !ready {
			c.Wait()
		}
		mu.Unlock()
	}()
}

// Arguments of the goroutine are the starter's values.
func goroutineParam(q *queue) {
	go func(q *queue) {
		for !q.closed {
			q.cond.Wait() // want `without holding the Cond's lock`
		}
	}(q)
}

// A goroutine function literal that locks through a closure: silent.
func goroutineLockFunc() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	lock := func() { mu.Lock() }
	go func() {
		lock()
		for !ready {
			c.Wait()
		}
		mu.Unlock()
	}()
}

// A function literal stored in a variable may run with the lock held
// and inside a loop: silent.
func storedClosure(c *sync.Cond, ready *bool) {
	wait := func() { c.Wait() }
	c.L.Lock()
	for !*ready {
		wait()
	}
	c.L.Unlock()
}

// The goroutine waits once without a loop and without the lock.
func goroutineOnce(c *sync.Cond, f func()) {
	go func() {
		c.Wait() // want `without holding the Cond's lock`
		f()
	}()
}

// Readers wait on the RWMutex's read lock.
type table struct {
	rw      sync.RWMutex
	changed *sync.Cond
	version int
}

func newTable() *table {
	t := &table{}
	t.changed = sync.NewCond(t.rw.RLocker())
	return t
}

func (t *table) awaitVersion(v int) {
	t.rw.RLock()
	defer t.rw.RUnlock()
	for t.version < v {
		t.changed.Wait()
	}
}

func (t *table) awaitVersionUnlocked(v int) {
	t.rw.RLock()
	cur := t.version
	t.rw.RUnlock()
	for cur < v {
		t.changed.Wait() // want `without holding the Cond's lock`
	}
}

func rlocker() {
	var rw sync.RWMutex
	c := sync.NewCond(rw.RLocker())
	ok := false
	rw.RLock()
	for !ok {
		c.Wait()
	}
	rw.RUnlock()
	rw.RLock()
	rw.RUnlock()
	for !ok {
		c.Wait() // want `without holding the Cond's lock`
	}
}
