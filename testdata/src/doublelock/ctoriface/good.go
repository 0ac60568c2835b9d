package ctoriface

import "sync"

// The call through the interface comes after the unlock.
type Directory interface {
	Alive() []string
}

type node struct {
	mu    sync.RWMutex
	peers []string
	dir   Directory
	alive []string
}

func newNode() *node {
	n := &node{}
	n.dir = newDirectory(n)
	return n
}

func (n *node) copyPeers() []string {
	n.mu.RLock()
	defer n.mu.RUnlock()
	return append([]string(nil), n.peers...)
}

func (n *node) heard(p string) {
	n.mu.Lock()
	n.peers = append(n.peers, p)
	n.mu.Unlock()
	alive := n.dir.Alive()
	n.mu.Lock()
	n.alive = alive
	n.mu.Unlock()
}

type directory struct{ node *node }

func newDirectory(n *node) Directory { return &directory{node: n} }

func (d *directory) Alive() []string { return d.node.copyPeers() }

// The implementation locks a mutex of its own, not the wrapped value's.
type Counter interface {
	Inc()
}

type meter struct {
	mu    sync.Mutex
	total int
	c     Counter
}

func newMeter() *meter {
	m := &meter{}
	m.c = newCounter(m)
	return m
}

func (m *meter) add(n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.total += n
	m.c.Inc()
}

type counter struct {
	mu    sync.Mutex
	owner *meter
	n     int
}

func newCounter(m *meter) Counter { return &counter{owner: m} }

func (c *counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// The constructor wraps another value than the one holding the field:
// a peer's lock, not the caller's.
type Peer interface {
	Touch()
}

type link struct {
	mu   sync.Mutex
	peer Peer
	seen int
}

func newLink(other *link) *link {
	l := &link{}
	l.peer = newPeerAPI(other)
	return l
}

func (l *link) ping() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen++
	l.peer.Touch()
}

type peerAPI struct{ l *link }

func newPeerAPI(l *link) Peer { return &peerAPI{l: l} }

func (p *peerAPI) Touch() {
	p.l.mu.Lock()
	p.l.seen++
	p.l.mu.Unlock()
}

func use() {
	_ = newCluster()
	_ = openStore()
	_ = newNode()
	_ = newMeter()
	_ = newLink(newLink(nil))
}

// The constructed value wraps another cluster than the one locked.
func (c *cluster) compare(other *cluster) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(newMembersAPI(other).List()) == len(c.members)
}
