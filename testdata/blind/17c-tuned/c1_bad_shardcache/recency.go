package shardcache

import "sync"

type recency struct {
	mu   sync.Mutex
	head *entry
	tail *entry
	n    int
}

func newRecency() *recency { return &recency{} }

func (r *recency) size() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n
}

func (r *recency) unlink(e *entry) {
	if e.prev != nil {
		e.prev.next = e.next
	} else if r.head == e {
		r.head = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else if r.tail == e {
		r.tail = e.prev
	}
	e.prev, e.next = nil, nil
}

func (r *recency) linkFront(e *entry) {
	e.next = r.head
	if r.head != nil {
		r.head.prev = e
	}
	r.head = e
	if r.tail == nil {
		r.tail = e
	}
}

func (r *recency) touch(e *entry) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.head == e {
		return
	}
	r.unlink(e)
	r.linkFront(e)
}

func (r *recency) pushFront(e *entry) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e.prev == nil && e.next == nil && r.head != e {
		r.n++
	} else {
		r.unlink(e)
	}
	r.linkFront(e)
}

func (r *recency) evictOldest(c *Cache) {
	r.mu.Lock()
	defer r.mu.Unlock()
	victim := r.tail
	if victim == nil {
		return
	}
	r.unlink(victim)
	r.n--
	c.dropFromShard(victim.key)
}
