package b2_session_dispatcher

import (
	"testing"
	"time"
)

func TestRegisterLookup(t *testing.T) {
	d := New(nil)
	s := d.Register("alice", time.Minute)
	if got := d.Lookup(s.ID); got == nil || got.User != "alice" {
		t.Fatalf("lookup: got %+v", got)
	}
	if got := d.Lookup("missing"); got != nil {
		t.Fatalf("unexpected session %+v", got)
	}
	d.Stop()
	d.Stop()
}
