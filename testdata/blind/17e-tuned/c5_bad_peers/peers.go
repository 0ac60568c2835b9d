package peers

import (
	"sync"
	"time"
)

type Peer struct {
	mu       sync.Mutex
	addr     string
	lastSeen time.Time
	outq     [][]byte
	set      *PeerSet
}

type PeerSet struct {
	mu    sync.Mutex
	peers map[string]*Peer
}

func NewPeerSet() *PeerSet {
	return &PeerSet{peers: make(map[string]*Peer)}
}

func (s *PeerSet) Add(addr string) *Peer {
	p := &Peer{addr: addr, lastSeen: time.Now(), set: s}
	s.mu.Lock()
	s.peers[addr] = p
	s.mu.Unlock()
	go p.heartbeat(time.Second)
	return p
}

func (s *PeerSet) Broadcast(msg []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.peers {
		p.enqueue(msg)
	}
}

func (s *PeerSet) drop(addr string) {
	s.mu.Lock()
	delete(s.peers, addr)
	s.mu.Unlock()
}

func (p *Peer) enqueue(msg []byte) {
	p.mu.Lock()
	p.outq = append(p.outq, msg)
	p.mu.Unlock()
}

func (p *Peer) Touch() {
	p.mu.Lock()
	p.lastSeen = time.Now()
	p.mu.Unlock()
}
