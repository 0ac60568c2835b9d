package g3_init_reaper

import (
	"testing"
	"time"
)

func TestReapRemovesIdleSessions(t *testing.T) {
	fresh := Create("alice")
	stale := Create("bob")
	store.Lock()
	store.m[stale].lastSeen = time.Now().Add(-time.Hour)
	store.Unlock()

	if n := reap(time.Now()); n != 1 {
		t.Fatalf("reaped %d sessions, want 1", n)
	}
	if _, ok := Lookup(stale); ok {
		t.Fatal("stale session still present")
	}
	if u, ok := Lookup(fresh); !ok || u != "alice" {
		t.Fatal("fresh session lost")
	}
	Destroy(fresh)
}
