// Correct: acks/votes are touched only by the run goroutine (and by setState(Leader)/setState(Candidate), which only the loop calls); peer goroutines report through respCh.
package g1_raft_lease_acks

import (
	"sync"
	"time"
)

type State int

const (
	Follower State = iota
	Candidate
	Leader
	Stopped
)

// PingFunc sends a heartbeat / vote request to peer and reports whether it was granted.
type PingFunc func(peer string, term uint64) bool

type reply struct {
	peer string
	ok   bool
}

type Server struct {
	mu     sync.RWMutex
	state  State
	term   uint64
	leader string

	// run-loop only
	acks   map[string]bool
	votes  int
	respCh chan reply

	self  string
	peers []string
	ping  PingFunc
	stop  chan struct{}
	done  chan struct{}
}

func New(self string, peers []string, ping PingFunc) *Server {
	return &Server{self: self, peers: peers, ping: ping, respCh: make(chan reply, 16), stop: make(chan struct{}), done: make(chan struct{})}
}

func (s *Server) Leader() string { s.mu.RLock(); defer s.mu.RUnlock(); return s.leader }
func (s *Server) State() State   { s.mu.RLock(); defer s.mu.RUnlock(); return s.state }

func (s *Server) setState(st State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = st
	switch st {
	case Leader:
		s.leader = s.self
		s.acks = make(map[string]bool)
	case Candidate:
		s.term++
		s.votes = 1
	}
}

// ObserveTerm is called from RPC handlers when a higher term is seen.
func (s *Server) ObserveTerm(term uint64, leader string) {
	s.mu.Lock()
	if term > s.term {
		s.term, s.leader, s.state = term, leader, Follower
	}
	s.mu.Unlock()
}

func (s *Server) Start() { go s.run() }

func (s *Server) Stop() { s.setState(Stopped); close(s.stop); <-s.done }

func (s *Server) run() {
	defer close(s.done)
	for st := s.State(); st != Stopped; st = s.State() {
		switch st {
		case Follower:
			select {
			case <-s.stop:
				return
			case <-time.After(100 * time.Millisecond):
				s.setState(Candidate)
			}
		case Candidate:
			s.candidateLoop()
		case Leader:
			s.leaderLoop()
		}
	}
}

func (s *Server) broadcast() {
	s.mu.RLock()
	term := s.term
	s.mu.RUnlock()
	for _, p := range s.peers {
		go func() {
			s.respCh <- reply{peer: p, ok: s.ping(p, term)}
		}()
	}
}

func (s *Server) candidateLoop() {
	s.broadcast()
	timeout := time.After(150 * time.Millisecond)
	for s.State() == Candidate {
		select {
		case <-timeout:
			s.setState(Candidate) // new election, next term
			return
		case r := <-s.respCh:
			if r.ok {
				s.votes++
			}
			if s.votes > (len(s.peers)+1)/2 {
				s.setState(Leader)
			}
		}
	}
}

func (s *Server) leaderLoop() {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	s.broadcast()
	for s.State() == Leader {
		select {
		case r := <-s.respCh:
			s.handleReply(r)
		case <-tick.C:
			if len(s.acks)+1 <= len(s.peers)/2 {
				s.setState(Follower)
				return
			}
			s.acks = make(map[string]bool)
			s.broadcast()
		}
	}
}

func (s *Server) handleReply(r reply) {
	if r.ok {
		s.acks[r.peer] = true
	}
}
