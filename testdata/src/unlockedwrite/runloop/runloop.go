// Package runloop: a Raft-style server whose run loop owns its
// per-state bookkeeping. setState takes the mutex for the fields the
// exported methods read, and resets acks only for the leader state,
// which only the loop enters: every access to acks is on the loop's
// goroutine, ordered by its program order.
package runloop

import "sync"

const (
	follower = "follower"
	leader   = "leader"
	stopped  = "stopped"
)

type response struct {
	peer string
	ok   bool
}

type Server struct {
	mu     sync.Mutex
	state  string
	acks   map[string]bool
	respCh chan response
	stopCh chan struct{}
}

func New() *Server {
	return &Server{state: follower, respCh: make(chan response), stopCh: make(chan struct{})}
}

func (s *Server) Start() { go s.loop() }

func (s *Server) Stop() {
	s.setState(stopped)
	close(s.stopCh)
}

func (s *Server) State() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

func (s *Server) setState(st string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = st
	if st == leader {
		s.acks = make(map[string]bool)
	}
}

func (s *Server) loop() {
	for {
		switch s.State() {
		case follower:
			s.setState(leader)
		case leader:
			s.leaderLoop()
		default:
			return
		}
	}
}

func (s *Server) leaderLoop() {
	for {
		select {
		case r := <-s.respCh:
			s.handle(r)
		case <-s.stopCh:
			s.acks = nil
			return
		}
	}
}

func (s *Server) handle(r response) {
	if r.ok {
		s.acks[r.peer] = true
	}
}

// Node is the same server with an exported method that clears the
// loop's acks from the caller's goroutine, without the mutex.
type Node struct {
	mu     sync.Mutex
	state  string
	acks   map[string]bool
	respCh chan response
	stopCh chan struct{}
}

func (n *Node) Start() { go n.loop() }

func (n *Node) State() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.state
}

func (n *Node) setState(st string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.state = st
	if st == leader {
		n.acks = make(map[string]bool)
	}
}

// Forget drops what the peers acknowledged.
func (n *Node) Forget() {
	n.acks = nil // want `write to n.acks in Forget without a lock, while the goroutine running loop accesses it`
}

func (n *Node) loop() {
	for {
		switch n.State() {
		case follower:
			n.setState(leader)
		case leader:
			select {
			case r := <-n.respCh:
				n.acks[r.peer] = r.ok // want `write to n.acks without holding n.mu, declared after it in the struct`
			case <-n.stopCh:
				return
			}
		default:
			return
		}
	}
}
