package constarg

import "sync"

// pooled is an object of a pool: its state is guarded by lock.
type pooled struct {
	lock  sync.Mutex
	state int
}

func (o *pooled) Allocate() {
	o.lock.Lock()
	o.state = 1
	o.lock.Unlock()
}

func (o *pooled) Deallocate() {
	o.lock.Lock()
	o.state = 0
	o.lock.Unlock()
}

func (o *pooled) State() int {
	o.lock.Lock()
	defer o.lock.Unlock()
	return o.state
}

func (o *pooled) Invalidate() {
	o.lock.Lock()
	o.invalidate()
	o.lock.Unlock()
}

// invalidate is called with o.lock held: by Invalidate, and by destroy
// only when its caller says it holds the lock.
func (o *pooled) invalidate() {
	o.state = -1
}

type objectPool struct{ all map[*pooled]bool }

// destroy invalidates p: inLock says whether the caller holds p.lock
// (Go's mutexes are not reentrant).
func (pool *objectPool) destroy(p *pooled, inLock bool) {
	if inLock {
		p.invalidate()
	} else {
		p.Invalidate()
	}
	delete(pool.all, p)
}

func (pool *objectPool) Evict(p *pooled) { pool.destroy(p, false) }

func (pool *objectPool) InvalidateObject(p *pooled) {
	p.lock.Lock()
	if p.state != -1 {
		pool.destroy(p, true)
	}
	p.lock.Unlock()
}

// reset is called by forget with a flag it passes wrong: true without
// the lock.
func (o *pooled) reset() {
	o.state = 0 // want `write to o.state without holding o.lock`
}

func (pool *objectPool) forget(p *pooled, inLock bool) {
	if inLock {
		p.reset()
	}
}

func (pool *objectPool) Forget(p *pooled) { pool.forget(p, true) }
