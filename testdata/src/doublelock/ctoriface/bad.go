package ctoriface

import "sync"

// A cluster keeps the MembersAPI its constructor returns; the
// implementation wraps the cluster and read-locks it.
type MembersAPI interface {
	List() []int
}

type cluster struct {
	mu      sync.RWMutex
	members []int
	leader  int
	api     MembersAPI
}

func newCluster() *cluster {
	c := &cluster{}
	c.api = newMembersAPI(c)
	return c
}

func (c *cluster) snapshot() []int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return append([]int(nil), c.members...)
}

func (c *cluster) promote(id int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.members = append(c.members, id)
	if c.leader == 0 {
		for _, m := range c.api.List() { // want `call of c.api.List locks c.mu for reading, which is already locked`
			c.leader = m
		}
	}
}

type membersAPI struct {
	c *cluster
}

func newMembersAPI(c *cluster) MembersAPI {
	return &membersAPI{c: c}
}

func (a *membersAPI) List() []int { return a.c.snapshot() }

// The constructor sets the wrapped field after the literal, and the
// implementation has a mutex of its own too: only the store's lock
// is re-locked.
type Indexer interface {
	Reindex(prefix string) int
}

type store struct {
	mu    sync.Mutex
	docs  map[string]string
	index Indexer
}

func openStore() *store {
	s := &store{docs: map[string]string{}}
	s.index = newIndexer(s)
	return s
}

func (s *store) keys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.docs {
		out = append(out, k)
	}
	return out
}

func (s *store) put(k, v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[k] = v
	if len(s.docs)%100 == 0 {
		s.index.Reindex(k) // want `call of s.index.Reindex locks s.mu, which is already locked`
	}
}

type indexer struct {
	mu    sync.Mutex
	store *store
	n     int
}

func newIndexer(s *store) Indexer {
	ix := &indexer{}
	ix.store = s
	return ix
}

func (ix *indexer) Reindex(prefix string) int {
	keys := ix.store.keys()
	ix.mu.Lock()
	ix.n = len(keys)
	ix.mu.Unlock()
	return ix.n
}

// The constructor's result used at once, as etcd's getLeaderEndpoint
// does with NewMembersAPI(c).
func (c *cluster) electLocked() {
	c.mu.Lock()
	defer c.mu.Unlock()
	api := newMembersAPI(c)
	if ms := api.List(); len(ms) > 0 { // want `call of newMembersAPI\(\.\.\.\)\.List locks c.mu for reading, which is already locked`
		c.leader = ms[0]
	}
}
