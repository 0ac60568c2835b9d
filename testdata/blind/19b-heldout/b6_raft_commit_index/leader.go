package b6_raft_commit_index

import (
	"sort"
	"sync"
)

const (
	Follower = "follower"
	Leader   = "leader"
	Stopped  = "stopped"
)

type AppendResponse struct {
	Peer       string
	Term       uint64
	Success    bool
	MatchIndex uint64
}

type Server struct {
	mu          sync.RWMutex
	state       string
	term        uint64
	commitIndex uint64
	lastIndex   uint64

	// leader-loop only
	matchIndex map[string]uint64
	peers      []string

	responses chan AppendResponse
	commands  chan []byte
	stopc     chan struct{}
	donec     chan struct{}
}

func NewServer(peers []string) *Server {
	return &Server{
		state:     Follower,
		peers:     peers,
		responses: make(chan AppendResponse, 64),
		commands:  make(chan []byte),
		stopc:     make(chan struct{}),
		donec:     make(chan struct{}),
	}
}

func (s *Server) CommitIndex() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.commitIndex
}

func (s *Server) State() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state
}

func (s *Server) setState(st string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = st
	if st == Leader {
		s.matchIndex = make(map[string]uint64, len(s.peers))
	}
}

// Deliver is called by the transport when a peer answers an AppendEntries.
func (s *Server) Deliver(r AppendResponse) { s.responses <- r }

func (s *Server) Propose(cmd []byte) { s.commands <- cmd }

func (s *Server) Start() {
	s.setState(Leader) // single-node bootstrap: this test harness starts as leader
	go s.leaderLoop()
}

func (s *Server) Stop() {
	close(s.stopc)
	<-s.donec
	s.setState(Stopped)
}

func (s *Server) leaderLoop() {
	defer close(s.donec)
	for {
		select {
		case <-s.stopc:
			return
		case cmd := <-s.commands:
			s.processCommand(cmd)
		case r := <-s.responses:
			s.handleResponse(r)
		}
	}
}

func (s *Server) processCommand(cmd []byte) {
	_ = cmd
	s.mu.Lock()
	s.lastIndex++
	s.mu.Unlock()
}

func (s *Server) handleResponse(r AppendResponse) {
	if !r.Success {
		return
	}
	if r.MatchIndex > s.matchIndex[r.Peer] {
		s.matchIndex[r.Peer] = r.MatchIndex
	}
	idx := make([]uint64, 0, len(s.peers)+1)
	s.mu.RLock()
	idx = append(idx, s.lastIndex)
	s.mu.RUnlock()
	for _, p := range s.peers {
		idx = append(idx, s.matchIndex[p])
	}
	sort.Slice(idx, func(i, j int) bool { return idx[i] > idx[j] })
	quorum := idx[len(idx)/2]
	if quorum > s.CommitIndex() {
		s.commitIndex = quorum // BAD: loop writes guarded commitIndex without s.mu while CommitIndex() reads it under RLock
	}
}
