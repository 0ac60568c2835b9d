package gossip

import (
	"sync"
	"time"
)

type Peer struct {
	Name     string
	Addr     string
	LastSeen time.Time
}

type Directory interface {
	Alive(within time.Duration) []Peer
}

type Node struct {
	mu     sync.RWMutex
	peers  map[string]Peer
	dir    Directory
	fanout []Peer
}

func NewNode() *Node {
	n := &Node{peers: map[string]Peer{}}
	n.dir = newDirectory(n)
	return n
}

func (n *Node) copyPeers() []Peer {
	n.mu.RLock()
	defer n.mu.RUnlock()
	out := make([]Peer, 0, len(n.peers))
	for _, p := range n.peers {
		out = append(out, p)
	}
	return out
}

func (n *Node) Heard(name, addr string) {
	n.mu.Lock()
	n.peers[name] = Peer{Name: name, Addr: addr, LastSeen: time.Now()}
	n.mu.Unlock()

	alive := n.dir.Alive(30 * time.Second)

	n.mu.Lock()
	n.fanout = alive
	n.mu.Unlock()
}
