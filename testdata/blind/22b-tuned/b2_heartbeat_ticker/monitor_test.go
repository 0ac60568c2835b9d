package b2_heartbeat_ticker

import (
	"testing"
	"time"
)

func TestMonitorSeesBeat(t *testing.T) {
	m := NewMonitor(time.Millisecond)
	defer m.Close()

	if err := m.AwaitAlive(time.Second); err != nil {
		t.Fatal(err)
	}
	if m.LastSeen().IsZero() {
		t.Fatal("LastSeen not recorded")
	}
}
