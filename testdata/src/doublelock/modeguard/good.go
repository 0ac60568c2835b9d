package modeguard

import "sync"

// The mode that locks is never set: every pool is selectRandom.
type pool struct {
	sync.RWMutex
	mode  selection
	conns []string
	first string
}

func newPool() *pool { return &pool{mode: selectRandom} }

func (p *pool) firstConn() string {
	p.RLock()
	defer p.RUnlock()
	return p.conns[0]
}

func (p *pool) pick() {
	if p.mode == selectLeader {
		p.first = p.firstConn()
	}
}

func (p *pool) Refresh() {
	p.Lock()
	defer p.Unlock()
	p.pick()
}

// The caller knows the mode: it reads the field itself and calls the
// helper under the lock only in the other mode.
type ring struct {
	mu    sync.Mutex
	mode  selection
	nodes int
}

func newRing(m selection) *ring { return &ring{mode: selectLeader} }

func (r *ring) size() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.nodes
}

func (r *ring) grow() {
	if r.mode == selectLeader {
		r.nodes = r.size() + 1
	}
}

func (r *ring) add() {
	if r.mode == selectLeader {
		r.grow()
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.grow()
}

// The mode comes from a caller's argument: not a constant the
// package sets.
type shard struct {
	mu    sync.Mutex
	mode  selection
	items int
}

func newShard(m selection) *shard { return &shard{mode: m} }

func (s *shard) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.items
}

func (s *shard) report() {
	if s.mode == selectLeader {
		s.items = s.total()
	}
}

func (s *shard) flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.report()
}

// The guarded call comes after the unlock.
func (c *client) Reload() {
	c.Lock()
	c.endpoints = c.endpoints[:0]
	c.Unlock()
	c.SetEndpoints()
}

// The guarded branch does more than lock: it unlocks first.
type queue struct {
	mu    sync.Mutex
	mode  selection
	items []int
}

func newQueue() *queue { return &queue{mode: selectLeader} }

func (q *queue) relock() {
	if q.mode == selectLeader {
		q.mu.Unlock()
		q.mu.Lock()
	}
}

func (q *queue) push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	q.relock()
}

func use() {
	newLeaderClient().Sync()
	newLeaderClient().Reload()
	_ = newCache(true).get()
	newPool().Refresh()
	newRing(selectLeader).add()
	newShard(selectLeader).flush()
	newQueue().push(1)
}
