package modeguard

import "sync"

// A client that asks the leader for its endpoints only in one
// selection mode: the lookup read-locks the client, and Sync holds
// its write lock around the whole refresh.
type selection int

const (
	selectRandom selection = iota
	selectLeader
)

type client struct {
	sync.RWMutex
	mode      selection
	endpoints []string
	leader    string
}

func newLeaderClient() *client {
	return &client{mode: selectLeader}
}

func (c *client) lookupLeader() string {
	c.RLock()
	defer c.RUnlock()
	if len(c.endpoints) == 0 {
		return ""
	}
	return c.endpoints[0]
}

func (c *client) SetEndpoints() {
	switch c.mode {
	case selectRandom:
	case selectLeader:
		c.leader = c.lookupLeader()
	}
}

func (c *client) Sync() {
	c.Lock()
	defer c.Unlock()
	c.endpoints = append(c.endpoints, "a")
	c.SetEndpoints() // want `SetEndpoints locks c.RWMutex for reading, which is already locked, when c.mode is selectLeader`
}

// The guard on its own, with the Lock directly in the guarded branch,
// behind a != test.
type cache struct {
	mu     sync.Mutex
	policy int
	hits   int
}

const lockedPolicy = 2

func newCache(locked bool) *cache {
	c := &cache{policy: 1}
	if locked {
		c.policy = lockedPolicy
	}
	return c
}

func (c *cache) count() {
	if c.policy != lockedPolicy {
		c.hits++
		return
	}
	c.mu.Lock()
	c.hits++
	c.mu.Unlock()
}

func (c *cache) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count() // want `count locks c.mu, which is already locked, when c.policy is lockedPolicy`
	return c.hits
}

// The guarded lock is a call through an interface field in a helper
// every caller calls holding the mutex: reported once, in the helper,
// not again at the caller.
type Members interface{ Count() int }

type group struct {
	mu      sync.RWMutex
	mode    selection
	n       int
	members Members
}

func newGroup() *group {
	g := &group{mode: selectLeader}
	g.members = &membersAPI{g: g}
	return g
}

type membersAPI struct{ g *group }

func (m *membersAPI) Count() int {
	m.g.mu.RLock()
	defer m.g.mu.RUnlock()
	return m.g.n
}

func (g *group) refresh() {
	if g.mode == selectLeader {
		g.n = g.members.Count() // want `call of g.members.Count locks g.mu, which every caller of refresh holds`
	}
}

func (g *group) Update() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.refresh()
}
