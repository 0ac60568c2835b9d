package ctoriface

import "sync"

// The wrapper keeps the wrapped value as an interface (doer), the
// constructor takes it as another interface (Client): the call through
// the wrapper's field runs the wrapped value's own method, which
// read-locks it.
type doer interface {
	Do(path string) int
}

type Client interface {
	doer
	Sync()
}

type Leaders interface {
	Leader() int
}

type clusterClient struct {
	sync.RWMutex
	endpoints []string
	pinned    int
}

func (c *clusterClient) Do(path string) int {
	c.RLock()
	defer c.RUnlock()
	return len(c.endpoints) + len(path)
}

func (c *clusterClient) Sync() {
	c.Lock()
	defer c.Unlock()
	api := newLeaders(c)
	c.pinned = api.Leader() // want `call of newLeaders\(\.\.\.\)\.Leader locks c.RWMutex for reading, which is already locked`
}

// After the unlock, the same call is fine.
func (c *clusterClient) refresh() {
	c.Lock()
	c.endpoints = append(c.endpoints, "x")
	c.Unlock()
	api := newLeaders(c)
	leader := api.Leader()
	c.Lock()
	c.pinned = leader
	c.Unlock()
}

type leadersAPI struct {
	client doer
}

func newLeaders(c Client) Leaders {
	return &leadersAPI{client: c}
}

func (m *leadersAPI) Leader() int { return m.client.Do("/leader") }

// The wrapper wraps a fresh value of its own: its lock is not the
// caller's.
type pool struct {
	mu    sync.Mutex
	conns int
	stats Leaders
}

type statsClient struct {
	mu sync.Mutex
	n  int
}

func (s *statsClient) Do(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	return s.n
}

type statsAPI struct {
	client doer
}

func (m *statsAPI) Leader() int { return m.client.Do("/stats") }

func newPool() *pool {
	return &pool{stats: &statsAPI{client: &statsClient{}}}
}

func (p *pool) grow() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.conns += p.stats.Leader()
}

func useIface() {
	var c clusterClient
	c.Sync()
	c.refresh()
	newPool().grow()
}
