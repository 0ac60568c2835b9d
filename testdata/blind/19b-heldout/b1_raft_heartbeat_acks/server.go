package b1_raft_heartbeat_acks

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

// Transport sends a heartbeat to a peer and reports whether it was accepted.
type Transport interface {
	Heartbeat(peer string, term uint64) bool
}

type Server struct {
	mu     sync.Mutex
	state  State
	term   uint64
	leader string

	// loop-only bookkeeping
	acks  map[string]bool
	peers []string

	trans  Transport
	stopCh chan struct{}
	wg     sync.WaitGroup
}

func NewServer(peers []string, t Transport) *Server {
	return &Server{peers: peers, trans: t, stopCh: make(chan struct{})}
}

func (s *Server) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

func (s *Server) setState(st State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = st
	if st == Leader {
		s.acks = make(map[string]bool)
	}
}

func (s *Server) Start() {
	s.wg.Add(1)
	go s.loop()
}

func (s *Server) Stop() {
	s.setState(Stopped)
	close(s.stopCh)
	s.wg.Wait()
}

func (s *Server) loop() {
	defer s.wg.Done()
	for {
		switch s.State() {
		case Follower, Candidate:
			// election elided: win immediately
			s.mu.Lock()
			s.term++
			s.mu.Unlock()
			s.setState(Leader)
		case Leader:
			s.leaderLoop()
		case Stopped:
			return
		}
	}
}

func (s *Server) leaderLoop() {
	s.mu.Lock()
	term := s.term
	s.mu.Unlock()
	for _, p := range s.peers {
		go s.heartbeat(p, term)
	}
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for s.State() == Leader {
		select {
		case <-s.stopCh:
			return
		case <-tick.C:
			if len(s.acks)+1 <= len(s.peers)/2 {
				s.setState(Follower)
				return
			}
			s.acks = make(map[string]bool)
		}
	}
}

func (s *Server) heartbeat(peer string, term uint64) {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-s.stopCh:
			return
		case <-tick.C:
			if s.trans.Heartbeat(peer, term) {
				s.acks[peer] = true // BAD: per-peer heartbeat goroutine writes loop-only acks map without s.mu while leaderLoop reads/replaces it
			}
		}
	}
}
