package g3_store_unsubscribe

import (
	"testing"
	"time"
)

func TestWatchGetsInitialState(t *testing.T) {
	s := NewStore()
	s.SetPeers([]string{"a", "b"})

	w := s.Watch()
	var snap Snapshot
	select {
	case snap = <-w.Updates():
	case <-time.After(time.Second):
		t.Fatal("no initial snapshot")
	}
	w.Stop()

	if snap.Rev != 1 || len(snap.Peers) != 2 {
		t.Fatalf("snapshot = %+v", snap)
	}
	// Further changes must not reach the stopped watcher.
	s.SetPeers([]string{"c"})
}
