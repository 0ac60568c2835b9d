package b3_embedded_agent

import (
	"testing"
	"time"
)

func TestAgentStopImmediately(t *testing.T) {
	a := NewAgent("host-1", 10*time.Millisecond)
	a.Stop()
	for range a.Reports() {
	}
}
