package b4_raft_election_timer

import (
	"sync"
	"time"
)

type role int

const (
	follower role = iota
	candidate
	leader
	shutdown
)

type VoteRequest struct {
	Term      uint64
	Candidate string
}

type VoteResponse struct {
	Term    uint64
	Granted bool
	From    string
}

type Node struct {
	id    string
	peers []string
	send  func(peer string, req VoteRequest) VoteResponse

	mu       sync.Mutex
	role     role
	term     uint64
	votedFor string

	// run-loop bookkeeping
	votes     map[string]bool
	lastHeard time.Time
	respCh    chan VoteResponse
	quit      chan struct{}
}

func NewNode(id string, peers []string, send func(string, VoteRequest) VoteResponse) *Node {
	return &Node{id: id, peers: peers, send: send, respCh: make(chan VoteResponse, len(peers)), quit: make(chan struct{})}
}

func (n *Node) setRole(r role, term uint64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.role, n.term = r, term
	if r == candidate {
		n.votes = map[string]bool{n.id: true}
	}
}

func (n *Node) Role() role { n.mu.Lock(); defer n.mu.Unlock(); return n.role }

// HandleRequestVote is invoked by the RPC server on its own goroutines.
func (n *Node) HandleRequestVote(req VoteRequest) VoteResponse {
	n.mu.Lock()
	if req.Term > n.term {
		n.term, n.role, n.votedFor = req.Term, follower, ""
	}
	granted := req.Term == n.term && (n.votedFor == "" || n.votedFor == req.Candidate)
	if granted {
		n.votedFor = req.Candidate
	}
	term := n.term
	n.mu.Unlock()
	if granted {
		n.lastHeard = time.Now() // BAD: RPC handler goroutine writes loop-only lastHeard after releasing n.mu; followerLoop reads it concurrently
	}
	return VoteResponse{Term: term, Granted: granted, From: n.id}
}

func (n *Node) Run() {
	n.lastHeard = time.Now()
	for {
		switch n.Role() {
		case follower:
			n.followerLoop()
		case candidate:
			n.candidateLoop()
		case leader:
			<-n.quit
			return
		case shutdown:
			return
		}
	}
}

func (n *Node) Stop() { n.setRole(shutdown, 0); close(n.quit) }

func (n *Node) followerLoop() {
	for n.Role() == follower {
		select {
		case <-n.quit:
			return
		case <-time.After(30 * time.Millisecond):
			if time.Since(n.lastHeard) > 150*time.Millisecond {
				n.mu.Lock()
				t := n.term + 1
				n.mu.Unlock()
				n.setRole(candidate, t)
			}
		}
	}
}

func (n *Node) candidateLoop() {
	n.mu.Lock()
	term := n.term
	n.votedFor = n.id
	n.mu.Unlock()
	for _, p := range n.peers {
		go func(p string) { n.respCh <- n.send(p, VoteRequest{Term: term, Candidate: n.id}) }(p)
	}
	t := time.AfterFunc(200*time.Millisecond, func() {
		n.votes = nil // BAD: timer callback goroutine clears loop-only votes map without n.mu while candidateLoop writes it
	})
	defer t.Stop()
	for n.Role() == candidate {
		select {
		case <-n.quit:
			return
		case r := <-n.respCh:
			if r.Granted && n.votes != nil {
				n.votes[r.From] = true
				if len(n.votes) > (len(n.peers)+1)/2 {
					n.setRole(leader, term)
				}
			}
		}
	}
}
