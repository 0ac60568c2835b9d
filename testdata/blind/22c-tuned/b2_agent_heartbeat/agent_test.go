package b2_agent_heartbeat

import (
	"sync/atomic"
	"testing"
	"time"
)

type countRep struct{ n atomic.Int64 }

func (c *countRep) Beat(string, time.Time) error { c.n.Add(1); return nil }

func TestStopNoMoreBeats(t *testing.T) {
	rep := &countRep{}
	a := NewAgent("a1", time.Millisecond, rep)
	a.Stop()
	before := rep.n.Load()
	time.Sleep(10 * time.Millisecond)
	if after := rep.n.Load(); after != before {
		t.Fatalf("beats after Stop: %d -> %d", before, after)
	}
}
