package dump

import "sync"

// pooled's invalidate runs with o.lock held: from Invalidate, and from
// destroy only on the branch its flag says the caller holds the lock,
// which the one caller passing true does.
type pooled struct {
	lock  sync.Mutex
	state int
}

func (o *pooled) Invalidate() {
	o.lock.Lock()
	o.invalidate()
	o.lock.Unlock()
}

func (o *pooled) invalidate() { o.state = -1 }

func destroy(p *pooled, inLock bool) {
	if inLock {
		p.invalidate()
	} else {
		p.Invalidate()
	}
}

func Evict(p *pooled) { destroy(p, false) }

func InvalidateObject(p *pooled) {
	p.lock.Lock()
	destroy(p, true)
	p.lock.Unlock()
}
