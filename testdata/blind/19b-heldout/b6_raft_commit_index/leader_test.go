package b6_raft_commit_index

import (
	"testing"
	"time"
)

func TestCommitAdvances(t *testing.T) {
	s := NewServer([]string{"b", "c"})
	s.Start()
	defer s.Stop()
	s.Propose([]byte("x"))
	s.Deliver(AppendResponse{Peer: "b", Success: true, MatchIndex: 1})
	deadline := time.Now().Add(time.Second)
	for s.CommitIndex() < 1 {
		if time.Now().After(deadline) {
			t.Fatal("commit index did not advance")
		}
		time.Sleep(time.Millisecond)
	}
}
