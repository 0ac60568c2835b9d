package condlocker

import "sync"

// A Cond made from a sibling mutex locks that mutex through its L:
// its readers' Cond (RLocker) read-locks it, a plain one locks it.

type Executor struct {
	mu      sync.RWMutex
	other   sync.RWMutex
	readers *sync.Cond // L is mu.RLocker()
	writers *sync.Cond // L is &mu
	others  *sync.Cond // L is other.RLocker()
	mixed   *sync.Cond // made from mu and from other: unknown
	version int
}

func NewExecutor(alt bool) *Executor {
	e := &Executor{}
	e.readers = sync.NewCond(e.mu.RLocker())
	e.writers = sync.NewCond(&e.mu)
	e.others = sync.NewCond(e.other.RLocker())
	if alt {
		e.mixed = sync.NewCond(&e.other)
	} else {
		e.mixed = sync.NewCond(&e.mu)
	}
	return e
}

func (e *Executor) databaseCache() int {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.version
}

func (e *Executor) update() {
	e.mu.Lock()
	e.version++
	e.mu.Unlock()
	e.readers.Broadcast()
}

// execParsed read-locks mu through the readers' Cond, then again in
// databaseCache: update's Lock, waiting in between, blocks both.
func (e *Executor) execParsed() int {
	e.readers.L.Lock()
	defer e.readers.L.Unlock()
	for e.version == 0 {
		e.readers.Wait()
	}
	return e.databaseCache() // want `databaseCache locks e.mu, which is already read-locked: recursive read locking deadlocks once a writer waits`
}

func (e *Executor) drain() int {
	e.writers.L.Lock()
	defer e.writers.L.Unlock()
	return e.databaseCache() // want `databaseCache locks e.mu for reading, which is already locked`
}

// The Cond of another mutex: no second lock of mu.
func (e *Executor) watchOther() int {
	e.others.L.Lock()
	defer e.others.L.Unlock()
	return e.databaseCache()
}

// A Cond made from different mutexes on different paths: which one
// its L locks is not known, so nothing is assumed.
func (e *Executor) watchMixed() int {
	e.mixed.L.Lock()
	defer e.mixed.L.Unlock()
	return e.databaseCache()
}

// The L unlocked before the helper runs: no second lock.
func (e *Executor) poll() int {
	e.readers.L.Lock()
	v := e.version
	e.readers.L.Unlock()
	return v + e.databaseCache()
}
